package pipeline

// Default returns the backend wired to the real extract and render packages.
func Default() *Backend {
	return &Backend{}
}
