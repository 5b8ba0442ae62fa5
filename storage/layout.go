package storage

import (
	"bytes"
	"encoding/binary"

	bolt "go.etcd.io/bbolt"

	"rpbmatrix/model"
	"rpbmatrix/model/words"
)

// The file holds one bucket per entity kind plus meta and audit:
//
//	meta         "schema" → decimal file format (fileFormat, integrity.go);
//	             "format" → the same, sealed; "digest" → count and checksum
//	             of every bucket (digest.go); "info" → project Info;
//	             "origin" → where a hand-out copy came from (handout.go)
//	settings     "analysis" → Settings
//	offices      uuid (16 bytes) → Office
//	duties       uuid → Duty
//	authorities  uuid → Authority
//	holdings     office uuid + authority uuid (32 bytes) → Holding
//	assessments  office uuid + duty uuid (32 bytes) → Assessment
//	decisions    uuid → Decision
//	meetings     uuid → Meeting         (from format 4)
//	proposals    uuid → Proposal        (from format 4)
//	off_list     uuid → OffListTask     (from format 4)
//	incidents    uuid → Incident        (from format 4)
//	audit        big-endian uint64 sequence → AuditEntry
//	undo, redo   audit sequence of an undoable action → its name (see undo.go);
//	             created by the first edit
//	base         a hand-out copy's records as handed out: one bucket per
//	             kind, named and keyed as above
//	merges       a copy's project uuid → MergeMark (mergefile.go)
//
// Every value is JSON that starts with its schema version and, from file
// format 3, its checksum (seal.go): {"v":3,"c":"1a2b3c4d",…}.
var (
	bucketMeta        = []byte("meta")
	bucketSettings    = []byte("settings")
	bucketOffices     = []byte("offices")
	bucketDuties      = []byte("duties")
	bucketAuthorities = []byte("authorities")
	bucketHoldings    = []byte("holdings")
	bucketAssessments = []byte("assessments")
	bucketDecisions   = []byte("decisions")
	bucketMeetings    = []byte("meetings")
	bucketProposals   = []byte("proposals")
	bucketOffList     = []byte("off_list")
	bucketIncidents   = []byte("incidents")
	bucketAudit       = []byte("audit")
	bucketUndo        = []byte("undo")
	bucketRedo        = []byte("redo")

	keySchema   = []byte("schema")
	keyInfo     = []byte("info")
	keySettings = []byte("analysis")
)

// allBuckets lists every bucket a project file has from its creation.
var allBuckets = [][]byte{bucketMeta, bucketSettings, bucketOffices, bucketDuties, bucketAuthorities,
	bucketHoldings, bucketAssessments, bucketDecisions, bucketAudit,
	bucketMeetings, bucketProposals, bucketOffList, bucketIncidents}

// bucketSince is the file format that added a bucket of allBuckets; the
// others are there from format 1. A file of an older format lacks it until
// it is migrated.
var bucketSince = map[string]int{
	string(bucketMeetings): 4, string(bucketProposals): 4, string(bucketOffList): 4, string(bucketIncidents): 4,
}

// bucketsOf lists the buckets of allBuckets a file of format f has.
func bucketsOf(f int) [][]byte {
	var out [][]byte
	for _, b := range allBuckets {
		if bucketSince[string(b)] <= f {
			out = append(out, b)
		}
	}
	return out
}

// kindLayout is where the records of one entity kind live in the file.
type kindLayout struct {
	bucket []byte
	// fixed is the key of the one record of a kind a project has once
	// (Info, Settings); nil for a kind keyed by identity.
	fixed []byte
	// pair: keyed by two IDs (office + other, 32 bytes) rather than one (16).
	pair bool
	// decode reads every record of a kind keyed by identity into p.
	decode func(b *bolt.Bucket, l kindLayout, mig migrateFunc, p *model.Project) error
}

// layouts says where each entity kind is stored. A new kind needs a row
// here, a bucket in allBuckets and a file format that adds it (bucketSince).
var layouts = map[model.EntityKind]kindLayout{
	model.KindInfo:        {bucket: bucketMeta, fixed: keyInfo},
	model.KindSettings:    {bucket: bucketSettings, fixed: keySettings},
	model.KindOffice:      {bucket: bucketOffices, decode: records[model.Office](nil)},
	model.KindDuty:        {bucket: bucketDuties, decode: records[model.Duty](nil)},
	model.KindAuthority:   {bucket: bucketAuthorities, decode: records[model.Authority](nil)},
	model.KindHolding:     {bucket: bucketHoldings, pair: true, decode: records[model.Holding](nil)},
	model.KindAssessment:  {bucket: bucketAssessments, pair: true, decode: records[model.Assessment](fastAssessment)},
	model.KindDecision:    {bucket: bucketDecisions, decode: records[model.Decision](nil)},
	model.KindMeeting:     {bucket: bucketMeetings, decode: records[model.Meeting](nil)},
	model.KindProposal:    {bucket: bucketProposals, decode: records[model.Proposal](nil)},
	model.KindOffListTask: {bucket: bucketOffList, decode: records[model.OffListTask](nil)},
	model.KindIncident:    {bucket: bucketIncidents, decode: records[model.Incident](fastIncident)},
}

// keyOf returns the key an entity is stored under.
func keyOf(e model.Entity) []byte {
	l := layouts[e.EntityKind()]
	id := e.Identity()
	switch {
	case l.fixed != nil:
		return l.fixed
	case l.pair:
		return pairKey(id.ID, id.Other)
	}
	return id.ID[:]
}

// keyMatches reports whether k is the key of the record with identity id.
func (l kindLayout) keyMatches(k []byte, id model.Identity) bool {
	if l.pair {
		return len(k) == 32 && bytes.Equal(k[:16], id.ID[:]) && bytes.Equal(k[16:], id.Other[:])
	}
	return bytes.Equal(k, id.ID[:])
}

func pairKey(a, b model.ID) []byte {
	k := make([]byte, 32)
	copy(k, a[:])
	copy(k[16:], b[:])
	return k
}

func seqKey(seq uint64) []byte {
	k := make([]byte, 8)
	binary.BigEndian.PutUint64(k, seq)
	return k
}

// kindName is the name of an entity kind, as a message.
func kindName(k model.EntityKind) words.Msg { return k.Name() }
