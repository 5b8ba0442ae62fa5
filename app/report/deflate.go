package report

import (
	"bytes"
	"compress/zlib"
	"regexp"
	"strconv"
	"sync"
)

// gopdf deflates each page's content through a new zlib writer, which
// allocates and clears 700 KB per page, and feeds it four bytes at a time
// (one glyph): for a report of 450 pages that was a fifth of writing it.
// So the document is written plain, and deflateContents compresses the
// pages' content streams afterwards, in large writes, through one writer
// per core. The result is byte for byte what gopdf writes itself at the
// same level (TestDeflateContentsMatchesGopdf).

// contentLevel is the compression of the pages' content: zlib.BestSpeed,
// whose files are 10 % larger than the default level's for a quarter of
// the time.
const contentLevel = zlib.BestSpeed

// deflateAfter chooses the way above; tests compare it with gopdf's own.
var deflateAfter = true

// contentsRef finds the pages' references to their content streams.
var contentsRef = regexp.MustCompile(`/Contents\s+(\d+)\s+0\s+R`)

// deflateContents returns pdf, written by gopdf without compression, with
// every page's content stream deflated and the cross-reference table
// rewritten for the new offsets. A file not in the form gopdf writes is
// returned as it is (whole, only larger).
func deflateContents(pdf []byte) []byte {
	offsets, xrefAt, trailer, ok := xrefOffsets(pdf)
	if !ok {
		return pdf
	}
	contents := map[int]bool{}
	for _, m := range contentsRef.FindAllSubmatch(pdf[:xrefAt], -1) {
		if n, err := strconv.Atoi(string(m[1])); err == nil {
			contents[n] = true
		}
	}
	// Each object, as it is or deflated.
	objs := make([][]byte, len(offsets))
	var todo []int
	for i, off := range offsets {
		end := xrefAt
		if i+1 < len(offsets) {
			end = offsets[i+1]
		}
		if off < 0 || off > end || end > len(pdf) {
			return pdf
		}
		objs[i] = pdf[off:end]
		if contents[i+1] {
			todo = append(todo, i)
		}
	}
	workers := 2
	var wg sync.WaitGroup
	failed := make([]bool, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			var zw *zlib.Writer
			for k := w; k < len(todo); k += workers {
				i := todo[k]
				out, ok := deflateObject(objs[i], i+1, &zw)
				if !ok {
					failed[w] = true
					return
				}
				objs[i] = out
			}
		}(w)
	}
	wg.Wait()
	for _, f := range failed {
		if f {
			return pdf
		}
	}
	var out bytes.Buffer
	out.Grow(len(pdf) / 3)
	out.Write(pdf[:offsets[0]])
	newOffsets := make([]int, len(objs))
	for i, o := range objs {
		newOffsets[i] = out.Len()
		out.Write(o)
	}
	writeXref(&out, trailer, newOffsets)
	return out.Bytes()
}

// xrefOffsets reads the cross-reference table gopdf writes (one section
// from object 0, every object in use, in file order) and returns each
// object's offset, where the table starts and the trailer after it (up to
// startxref).
func xrefOffsets(pdf []byte) (offsets []int, xrefAt int, trailer []byte, ok bool) {
	i := bytes.LastIndex(pdf, []byte("\nstartxref\n"))
	if i < 0 {
		return nil, 0, nil, false
	}
	rest := pdf[i+len("\nstartxref\n"):]
	end := bytes.IndexByte(rest, '\n')
	if end < 0 {
		return nil, 0, nil, false
	}
	xrefAt, err := strconv.Atoi(string(rest[:end]))
	if err != nil || xrefAt <= 0 || xrefAt >= len(pdf) {
		return nil, 0, nil, false
	}
	t := pdf[xrefAt:]
	head, ok := bytes.CutPrefix(t, []byte("xref\n0 "))
	if !ok {
		return nil, 0, nil, false
	}
	nl := bytes.IndexByte(head, '\n')
	if nl < 0 {
		return nil, 0, nil, false
	}
	n, err := strconv.Atoi(string(head[:nl]))
	entries, ok := bytes.CutPrefix(head[nl+1:], []byte("0000000000 65535 f \n"))
	if err != nil || n < 2 || !ok || len(entries) < (n-1)*20 {
		return nil, 0, nil, false
	}
	prev := 0
	for k := 0; k < n-1; k++ {
		e := entries[k*20 : k*20+20]
		if string(e[10:]) != " 00000 n \n" {
			return nil, 0, nil, false
		}
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || off < prev {
			return nil, 0, nil, false
		}
		offsets = append(offsets, off)
		prev = off
	}
	// Every slice above is a tail of pdf: the table ends here.
	tableEnd := len(pdf) - len(entries) + (n-1)*20
	if tableEnd > i+1 || !bytes.HasPrefix(pdf[tableEnd:], []byte("trailer\n")) {
		return nil, 0, nil, false
	}
	return offsets, xrefAt, pdf[tableEnd : i+1], true
}

// deflateObject deflates the stream of object n, written by gopdf as
//
//	n 0 obj\n<<\n/Length L\n>>\nstream\n…L bytes…endstream\nendobj\n\n
//
// into the form gopdf gives a compressed one, through *zw (made on first use).
func deflateObject(obj []byte, n int, zw **zlib.Writer) ([]byte, bool) {
	head := strconv.Itoa(n) + " 0 obj\n<<\n/Length "
	rest, ok := bytes.CutPrefix(obj, []byte(head))
	if !ok {
		return nil, false
	}
	nl := bytes.IndexByte(rest, '\n')
	if nl < 0 {
		return nil, false
	}
	length, err := strconv.Atoi(string(rest[:nl]))
	data, ok := bytes.CutPrefix(rest[nl+1:], []byte(">>\nstream\n"))
	if err != nil || !ok || length < 0 || length > len(data) || string(data[length:]) != "endstream\nendobj\n\n" {
		return nil, false
	}
	var buf bytes.Buffer
	buf.Grow(length/3 + 64)
	if *zw == nil {
		if *zw, err = zlib.NewWriterLevel(&buf, contentLevel); err != nil {
			return nil, false
		}
	} else {
		(*zw).Reset(&buf)
	}
	if _, err := (*zw).Write(data[:length]); err != nil || (*zw).Close() != nil {
		return nil, false
	}
	var out bytes.Buffer
	out.Grow(buf.Len() + 96)
	out.WriteString(strconv.Itoa(n) + " 0 obj\n<<\n/Filter/FlateDecode/Length " + strconv.Itoa(buf.Len()) + "\n>>\nstream\n")
	out.Write(buf.Bytes())
	out.WriteString("\nendstream\nendobj\n\n")
	return out.Bytes(), true
}

// writeXref writes the cross-reference table for the new offsets, the
// trailer, and startxref pointing at the table.
func writeXref(out *bytes.Buffer, trailer []byte, offsets []int) {
	at := out.Len()
	out.WriteString("xref\n0 " + strconv.Itoa(len(offsets)+1) + "\n0000000000 65535 f \n")
	var entry [20]byte
	for _, off := range offsets {
		s := strconv.Itoa(off)
		for i := range 10 {
			entry[i] = '0'
		}
		copy(entry[10-len(s):10], s)
		copy(entry[10:], " 00000 n \n")
		out.Write(entry[:])
	}
	out.Write(trailer)
	out.WriteString("startxref\n" + strconv.Itoa(at) + "\n%%EOF\n")
}
