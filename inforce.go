package duban

// InForce reports whether the notice's plan speaks of year: from its plan
// year (Year) to the year of its last dated deadline, at least the plan
// year itself. A 2024 work plan's 长期坚持 and 每季度 tasks belong to the
// quarters of 2024 (and of 2025 when one of its deadlines falls then), not
// to every quarter after it; a notice without a year is in force in every
// year.
func (n *Notice) InForce(year int) bool {
	if n.Year == 0 {
		return true
	}
	if year < n.Year {
		return false
	}
	if year == n.Year {
		return true
	}
	for i := range n.Tasks {
		if d, ok := n.Tasks[i].Deadline.Time(); ok && d.Year() >= year {
			return true
		}
	}
	return false
}
