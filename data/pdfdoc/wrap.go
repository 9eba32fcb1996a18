package pdfdoc

import "strings"

// Kinsoku (禁则) sets: a line may not start with noStart nor end with noEnd.
const (
	noStart = "，。、；：？！）》”’〉】」』〕｝］〗…—·％‰℃,.;:?!)]}>%～"
	noEnd   = "（《“‘〈【「『〔｛［〖([{<"
)

func isLatin(r rune) bool {
	return r < 0x80 && r != ' ' && r != '\n'
}

// unit is an unbreakable piece of a line: one Chinese character, one space, or a
// run of Latin letters, digits and ASCII punctuation.
type unit struct {
	s, e     int
	w        float64
	startBad bool // starts with a character that may not start a line
	endBad   bool // ends with a character that may not end a line
	space    bool
}

type lineRange struct {
	s, e int
	hard bool // last line of the paragraph or before "\n": not justified
}

func makeUnits(gs []glyph, maxW float64) []unit {
	var us []unit
	for i := 0; i < len(gs); {
		j := i + 1
		if isLatin(gs[i].r) {
			for j < len(gs) && isLatin(gs[j].r) {
				j++
			}
		}
		w := 0.0
		for k := i; k < j; k++ {
			w += gs[k].w
		}
		if j-i > 1 && w > maxW {
			// A word wider than a line is split anywhere.
			j = i + 1
			w = gs[i].w
		}
		us = append(us, unit{s: i, e: j, w: w,
			startBad: strings.ContainsRune(noStart, gs[i].r),
			endBad:   strings.ContainsRune(noEnd, gs[j-1].r),
			space:    gs[i].r == ' '})
		i = j
	}
	return us
}

// breakLines splits glyphs into lines: the first line is firstAvail wide, the others
// avail. Lines may be squeezed by 1/64 em per character, and by half an em more to
// pull up a closing punctuation mark.
func breakLines(gs []glyph, firstAvail, avail, size float64) []lineRange {
	var out []lineRange
	first := true
	start := 0
	for start <= len(gs) {
		end := start
		for end < len(gs) && gs[end].r != '\n' {
			end++
		}
		out = append(out, breakHard(gs, start, end, &first, firstAvail, avail, size)...)
		start = end + 1
	}
	return out
}

func breakHard(gs []glyph, start, end int, first *bool, firstAvail, avail, size float64) []lineRange {
	us := makeUnits(gs[start:end], avail)
	for i := range us {
		us[i].s += start
		us[i].e += start
	}
	if len(us) == 0 {
		*first = false
		return []lineRange{{s: start, e: start, hard: true}}
	}
	squeeze := size / 64
	fits := func(w float64, n int, a float64, extra float64) bool {
		return w <= a+float64(n)*squeeze+extra+eps
	}
	var out []lineRange
	for i := 0; i < len(us); {
		a := avail
		if *first {
			a = firstAvail
		} else {
			for i < len(us) && us[i].space {
				i++
			}
			if i == len(us) {
				break
			}
		}
		*first = false
		j, sum, n := i, 0.0, 0
		for j < len(us) && fits(sum+us[j].w, n+us[j].e-us[j].s, a, 0) {
			sum += us[j].w
			n += us[j].e - us[j].s
			j++
		}
		if j == i {
			sum, n = us[j].w, us[j].e-us[j].s
			j++
		}
		if j < len(us) && !us[j].space {
			// Pull closing marks up while they fit squeezed.
			pj, psum, pn := j, sum, n
			for pj < len(us) && us[pj].startBad && fits(psum+us[pj].w, pn+1, a, size/2) {
				psum += us[pj].w
				pn++
				pj++
			}
			if pj > j && (pj == len(us) || !us[pj].startBad) && !us[pj-1].endBad {
				j = pj
			} else {
				// Push characters down until the break is legal.
				k := j
				for k > i+1 && k < len(us) && (us[k].startBad || us[k-1].endBad) {
					k--
				}
				if k > i && k < len(us) && !us[k].startBad && !us[k-1].endBad {
					j = k
				}
			}
		}
		// Trailing spaces are not drawn.
		e := j
		for e > i+1 && us[e-1].space {
			e--
		}
		out = append(out, lineRange{s: us[i].s, e: us[e-1].e})
		i = j
	}
	if len(out) == 0 {
		return []lineRange{{s: start, e: start, hard: true}}
	}
	out[len(out)-1].hard = true
	return out
}
