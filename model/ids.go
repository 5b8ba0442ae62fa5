// Package model holds the domain of RPB Matrix: offices, duties, authorities,
// resources, assessments and decisions, their validation, and the mismatch
// analysis. It imports only the standard library and uuid.
package model

import (
	"time"

	"github.com/google/uuid"
)

// ID identifies every entity. New IDs are uuid v7 so that keys sort by creation.
type ID = uuid.UUID

// NilID is the zero ID; it never names an entity.
var NilID = uuid.Nil

// NewID returns a fresh time-ordered ID.
func NewID() ID {
	id, err := uuid.NewV7()
	if err != nil {
		return uuid.New()
	}
	return id
}

// Meta is carried by every entity: who made it and when.
type Meta struct {
	ID       ID        `json:"id"`
	Created  time.Time `json:"created"`
	Modified time.Time `json:"modified"`
	Author   string    `json:"author,omitempty"`
}

// NewMeta returns Meta for an entity created now by author.
func NewMeta(author string) Meta {
	now := time.Now().UTC().Truncate(time.Millisecond)
	return Meta{ID: NewID(), Created: now, Modified: now, Author: author}
}

// Touch records a modification now by author.
func (m *Meta) Touch(author string) {
	m.Modified = time.Now().UTC().Truncate(time.Millisecond)
	if author != "" {
		m.Author = author
	}
}
