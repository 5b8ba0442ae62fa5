package storage

import (
	"encoding/binary"
	"fmt"

	"rpbmatrix/model"
)

// The file holds one bucket per entity kind plus meta and audit:
//
//	meta         "schema" → decimal schema version; "info" → project Info
//	settings     "analysis" → Settings
//	offices      uuid (16 bytes) → Office
//	duties       uuid → Duty
//	authorities  uuid → Authority
//	holdings     office uuid + authority uuid (32 bytes) → Holding
//	assessments  office uuid + duty uuid (32 bytes) → Assessment
//	decisions    uuid → Decision
//	audit        big-endian uint64 sequence → AuditEntry
//	undo, redo   audit sequence of an undoable action → its name (see undo.go);
//	             created by the first edit
//
// Every value is JSON that starts with its schema version: {"v":2,…}.
var (
	bucketMeta        = []byte("meta")
	bucketSettings    = []byte("settings")
	bucketOffices     = []byte("offices")
	bucketDuties      = []byte("duties")
	bucketAuthorities = []byte("authorities")
	bucketHoldings    = []byte("holdings")
	bucketAssessments = []byte("assessments")
	bucketDecisions   = []byte("decisions")
	bucketAudit       = []byte("audit")
	bucketUndo        = []byte("undo")
	bucketRedo        = []byte("redo")

	keySchema   = []byte("schema")
	keyInfo     = []byte("info")
	keySettings = []byte("analysis")
)

// allBuckets lists every bucket a project file has from its creation.
var allBuckets = [][]byte{bucketMeta, bucketSettings, bucketOffices, bucketDuties, bucketAuthorities,
	bucketHoldings, bucketAssessments, bucketDecisions, bucketAudit}

// bucketOf returns the bucket that stores entities of kind k.
func bucketOf(k model.EntityKind) []byte {
	switch k {
	case model.KindInfo:
		return bucketMeta
	case model.KindSettings:
		return bucketSettings
	case model.KindOffice:
		return bucketOffices
	case model.KindDuty:
		return bucketDuties
	case model.KindAuthority:
		return bucketAuthorities
	case model.KindHolding:
		return bucketHoldings
	case model.KindAssessment:
		return bucketAssessments
	case model.KindDecision:
		return bucketDecisions
	}
	return nil
}

// keyOf returns the key an entity is stored under.
func keyOf(e any) []byte {
	switch v := e.(type) {
	case *model.Info:
		return keyInfo
	case *model.Settings:
		return keySettings
	case *model.Office:
		return v.ID[:]
	case *model.Duty:
		return v.ID[:]
	case *model.Authority:
		return v.ID[:]
	case *model.Holding:
		return pairKey(v.Office, v.Authority)
	case *model.Assessment:
		return pairKey(v.Office, v.Duty)
	case *model.Decision:
		return v.ID[:]
	}
	panic(fmt.Sprintf("storage: %T is not an entity", e))
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

// current returns a copy of what p holds under e's identity, or nil.
func current(p *model.Project, e any) any {
	switch v := e.(type) {
	case *model.Info:
		x := p.Info
		return &x
	case *model.Settings:
		x := p.Settings
		return &x
	case *model.Office:
		if x := p.Offices[v.ID]; x != nil {
			return clone(x)
		}
	case *model.Duty:
		if x := p.Duties[v.ID]; x != nil {
			return clone(x)
		}
	case *model.Authority:
		if x := p.Authorities[v.ID]; x != nil {
			return clone(x)
		}
	case *model.Holding:
		if x := p.Holdings[v.Key()]; x != nil {
			return clone(x)
		}
	case *model.Assessment:
		if x := p.Assessments[v.Key()]; x != nil {
			return clone(x)
		}
	case *model.Decision:
		if x := p.Decisions[v.ID]; x != nil {
			return clone(x)
		}
	}
	return nil
}

// clone copies an entity so that neither the caller nor the project shares it.
func clone(e any) any {
	switch v := e.(type) {
	case *model.Info:
		x := *v
		return &x
	case *model.Settings:
		x := *v
		return &x
	case *model.Office:
		x := *v
		return &x
	case *model.Duty:
		x := *v
		x.Scope = append([]model.ID(nil), v.Scope...)
		x.Required = append([]model.ID(nil), v.Required...)
		return &x
	case *model.Authority:
		x := *v
		return &x
	case *model.Holding:
		x := *v
		return &x
	case *model.Assessment:
		x := *v
		return &x
	case *model.Decision:
		x := *v
		return &x
	}
	return nil
}

// newEntity returns a fresh pointer of the entity type of kind k.
func newEntity(k model.EntityKind) (any, error) {
	switch k {
	case model.KindInfo:
		return new(model.Info), nil
	case model.KindSettings:
		return new(model.Settings), nil
	case model.KindOffice:
		return new(model.Office), nil
	case model.KindDuty:
		return new(model.Duty), nil
	case model.KindAuthority:
		return new(model.Authority), nil
	case model.KindHolding:
		return new(model.Holding), nil
	case model.KindAssessment:
		return new(model.Assessment), nil
	case model.KindDecision:
		return new(model.Decision), nil
	}
	return nil, fmt.Errorf("unknown entity kind %q", k)
}
