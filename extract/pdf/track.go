package pdf

// shortLineTrack is the letter spacing of a line too short for a
// median of its gaps (an item number "2." alone, a two-character word):
// gaps between its glyphs all alike and narrower than half a character
// are spacing the clerk added to the characters (字符间距加宽), not word
// breaks, so "2 ." is read "2.". Otherwise it is 0.
func shortLineTrack(gaps []float64, size float64) float64 {
	if len(gaps) == 0 || size <= 0 {
		return 0
	}
	lo, hi := gaps[0], gaps[0]
	for _, g := range gaps[1:] {
		lo, hi = min(lo, g), max(hi, g)
	}
	if lo <= 0 || hi > 0.5*size || hi-lo > 0.1*size {
		return 0
	}
	return lo
}
