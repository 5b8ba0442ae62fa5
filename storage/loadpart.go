package storage

import (
	"bytes"
	"encoding/hex"
	"errors"
	"os"
	"strconv"
	"strings"

	bolt "go.etcd.io/bbolt"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// ReadOffices reads, read-only, the part of the project file at path that
// concerns some of its offices: the project's own records (info, settings),
// the catalogues (duties, authorities, meetings), the offices choose picks
// from the list of every office, and the records about them — their
// holdings and assessments, the decisions taken for them or for every
// office, the admission requests that would go to them, their off-list
// tasks and incidents. Every rule of the analysis grades one office at a
// time from these, so the part's findings, scores and summaries of those
// offices are the whole project's (TestReadOfficesAnalysis): a report of
// one office from a 200-office file reads one office, not 200.
//
// choose's error, if any, is returned as it is. The file is not kept open.
//
// Every record read is checked by its own seal, and a damaged one is named
// as Open names it. The buckets' digests (digest.go) are not checked: each
// covers every record of its bucket, most of which this does not read, and
// a changed record this does not read changes nothing it returns. Check and
// Open verify the whole file. A file of an older format is read whole
// (migrated and verified as Open does) and then cut to the part.
func ReadOffices(path string, opts Options, choose func([]*model.Office) ([]model.ID, error)) (*model.Project, error) {
	opts.ReadOnly = true
	db, err := openBolt(path, opts)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	note := writeHolder(path, thisHolder(opts.Command, false))
	defer removeHolder(note)

	var p *model.Project
	var readErr error
	whole := false
	gerr := guard(func() error {
		return db.View(func(tx *bolt.Tx) error {
			if fi, err := os.Stat(path); err == nil && fi.Size() < tx.Size() {
				readErr = openErr(path, ErrDamaged, truncated(fi.Size(), tx.Size()))
				return nil
			}
			if !currentFormat(tx) {
				whole = true
				return nil
			}
			r := partReader{tx: tx, p: model.NewProject("", "", "")}
			r.p.Info = model.Info{}
			if err := r.read(choose); err != nil {
				readErr = err
				return nil
			}
			p = r.p
			return nil
		})
	})
	if gerr != nil {
		return nil, openErr(path, ErrDamaged, fail(gerr, words.M("storage.cause.read_fault", "detail", gerr.Error())))
	}
	if whole {
		return readWholeThenPart(db, path, choose)
	}
	if readErr != nil {
		if !errors.Is(readErr, errShape) {
			return nil, readErr // choose's own error, or already an OpenError
		}
		return nil, classifyLoad(path, readErr)
	}
	return p, nil
}

// currentFormat reports whether the file is of this program's format with
// the buckets it promises, which the part is read from directly. Anything
// else (an older file, or a damaged header) is left to the whole load,
// which migrates the one and names what is wrong with the other.
func currentFormat(tx *bolt.Tx) bool {
	meta := tx.Bucket(bucketMeta)
	if meta == nil || string(meta.Get(keySchema)) != strconv.Itoa(fileFormat) {
		return false
	}
	if sealed, ok := sealedFormatOf(meta); !ok || sealed != fileFormat {
		return false
	}
	for _, name := range bucketsOf(fileFormat) {
		if tx.Bucket(name) == nil {
			return false
		}
	}
	return true
}

// readWholeThenPart loads and verifies the whole file as Open does, then
// keeps the part.
func readWholeThenPart(db *bolt.DB, path string, choose func([]*model.Office) ([]model.ID, error)) (*model.Project, error) {
	v, err := verify(db, path, false)
	if err != nil {
		return nil, err
	}
	ids, err := choose(v.p.OfficeList())
	if err != nil {
		return nil, err
	}
	part := newOfficeSet(ids)
	p := model.NewProject("", "", "")
	for _, k := range model.Kinds() {
		for e := range v.p.All(k) {
			if part.wants(e) {
				p.Insert(e)
			}
		}
	}
	return p, nil
}

// officeSet is the offices a part is about.
type officeSet map[model.ID]bool

func newOfficeSet(ids []model.ID) officeSet {
	s := officeSet{}
	for _, id := range ids {
		s[id] = true
	}
	return s
}

// wants reports whether e belongs to the part: a record about one of its
// offices, a decision for every office, a request that would go to one of
// them, or a record every office shares.
func (s officeSet) wants(e model.Entity) bool {
	switch x := e.(type) {
	case *model.Office:
		return s[x.ID]
	case *model.Holding:
		return s[x.Office]
	case *model.Assessment:
		return s[x.Office]
	case *model.Decision:
		return x.Office == model.NilID || s[x.Office]
	case *model.Proposal:
		for id := range s {
			if x.AppliesTo(id) {
				return true
			}
		}
		return false
	case *model.OffListTask:
		return s[x.Office]
	case *model.Incident:
		return s[x.Office]
	}
	return true
}

// partReader reads the part from a file of the current format.
type partReader struct {
	tx    *bolt.Tx
	p     *model.Project
	part  officeSet
	bad   []DamagedRecord
	total int
}

// read reads the project's records, the offices, lets choose pick, and
// reads the rest of the part.
func (r *partReader) read(choose func([]*model.Office) ([]model.ID, error)) error {
	for _, k := range []model.EntityKind{model.KindInfo, model.KindSettings} {
		l := layouts[k]
		if err := r.one(k, l.bucket, l.fixed, r.tx.Bucket(l.bucket).Get(l.fixed), nil); err != nil {
			return err
		}
	}
	every := model.NewProject("", "", "")
	if err := r.kind(model.KindOffice, nil, nil, every); err != nil {
		return err
	}
	if r.total > 0 {
		return damagedRecords(r.bad, r.total)
	}
	ids, err := choose(every.OfficeList())
	if err != nil {
		return err
	}
	r.part = newOfficeSet(ids)
	for _, o := range every.Offices {
		if r.part[o.ID] {
			r.p.Insert(o)
		}
	}
	for _, k := range model.Kinds() {
		switch k {
		case model.KindInfo, model.KindSettings, model.KindOffice:
			continue
		}
		var err error
		switch {
		case layouts[k].pair: // keyed office + other: read the offices' keys only
			for id := range r.part {
				if err = r.kind(k, id[:], nil, r.p); err != nil {
					break
				}
			}
		case k == model.KindIncident: // many: decode only the offices' own
			err = r.kind(k, nil, r.elsewhere, r.p)
		default:
			err = r.kind(k, nil, nil, r.p)
		}
		if err != nil {
			return err
		}
	}
	if r.total > 0 {
		return damagedRecords(r.bad, r.total)
	}
	return nil
}

// elsewhere reports whether a record says, in a field "office", an office
// outside the part, read without decoding the rest of it. It reports false
// when it cannot be sure, and the record is then decoded.
func (r *partReader) elsewhere(raw []byte) bool {
	id, ok := officeField(raw)
	return ok && !r.part[id]
}

// kind reads the records of kind k whose keys start with prefix (every
// record when nil) into into; a record skip says yes to is checked but not
// decoded. Records whose seal fails are noted and left out (and the part
// fails): one skip would pass over is noted too, since what it says about
// its office cannot be trusted.
func (r *partReader) kind(k model.EntityKind, prefix []byte, skip func([]byte) bool, into *model.Project) error {
	l := layouts[k]
	b := r.tx.Bucket(l.bucket)
	c := b.Cursor()
	key, v := c.First()
	if prefix != nil {
		key, v = c.Seek(prefix)
	}
	for ; key != nil && bytes.HasPrefix(key, prefix); key, v = c.Next() {
		if v == nil {
			return shape(words.M("storage.load.nested", "bucket", string(l.bucket), "key", hex.EncodeToString(key)))
		}
		if skip != nil && checkSeal(key, v) == sealOK && skip(v) {
			continue
		}
		if err := r.one(k, l.bucket, key, v, into); err != nil {
			return err
		}
	}
	return nil
}

// one checks the seal of one record and decodes it into into (r.p when
// nil) if it belongs to the part.
func (r *partReader) one(k model.EntityKind, bucket, key, raw []byte, into *model.Project) error {
	name := string(bucket)
	if raw == nil {
		return shape(words.M("storage.load.record_missing", "record", name+"/"+string(key)))
	}
	if p := checkSeal(key, raw); p != sealOK {
		r.total++
		if len(r.bad) < maxNamed {
			r.bad = append(r.bad, describeRecord(r.tx, name, key, raw, p))
		}
		return nil
	}
	e, err := model.NewEntity(k)
	if err != nil {
		return err
	}
	a, isAssessment := e.(*model.Assessment)
	if !isAssessment || !decodeAssessment(raw, a) {
		e, _ = model.NewEntity(k) // the fast decoder may have filled some fields before declining
		if err := decodeInto(raw, e); err != nil {
			return badRecord(name, key, err)
		}
	}
	l := layouts[k]
	if l.fixed == nil && !l.keyMatches(key, e.Identity()) {
		return shape(words.M("storage.load.key_mismatch", "bucket", name, "key", hex.EncodeToString(key)))
	}
	if into == nil {
		into = r.p
	}
	if r.part == nil || r.part.wants(e) {
		into.Insert(e)
	}
	return nil
}

// officeField reads the field "office" of a flat JSON object (scalars
// only) as encoding/json would decode it into an ID: the last one when it
// is repeated, NilID when there is none. ok is false for anything it is
// not sure of (a nested value, an escaped key, a key that differs from
// "office" only in case, which encoding/json would also take).
func officeField(raw []byte) (id model.ID, ok bool) {
	s := flatScanner{b: raw}
	if !s.expect('{') {
		return id, false
	}
	if s.expect('}') {
		return id, s.end()
	}
	for {
		kraw, escaped, ok := s.quoted()
		if !ok || escaped || !s.expect(':') {
			return id, false
		}
		key := string(kraw[1 : len(kraw)-1])
		switch {
		case key == "office":
			if id, ok = s.id(); !ok {
				return id, false
			}
		case strings.EqualFold(key, "office"):
			return id, false
		default:
			if !s.skipScalar() {
				return id, false
			}
		}
		if s.expect(',') {
			continue
		}
		if s.expect('}') {
			return id, s.end()
		}
		return id, false
	}
}

// skipScalar passes over one string, number, true, false or null.
func (s *flatScanner) skipScalar() bool {
	s.skipSpace()
	if s.i >= len(s.b) {
		return false
	}
	switch c := s.b[s.i]; {
	case c == '"':
		_, _, ok := s.quoted()
		return ok
	case c == 't' || c == 'f':
		_, ok := s.bool()
		return ok
	case c == 'n':
		if bytes.HasPrefix(s.b[s.i:], []byte("null")) {
			s.i += 4
			return true
		}
		return false
	}
	_, ok := s.number()
	return ok
}
