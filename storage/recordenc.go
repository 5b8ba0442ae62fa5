package storage

// recordEncoder seals the records of a new file. The values it returns
// must outlive the transaction they are put in (bbolt keeps them until
// it commits), so they are carved out of large blocks rather than
// allocated one by one.
type recordEncoder struct {
	block []byte
}

// seal returns the sealed value of e under key.
func (enc *recordEncoder) seal(key []byte, e any) ([]byte, error) {
	return sealJSON(key, e)
}
