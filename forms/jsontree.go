package forms

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// A small reader of JSON documents that keeps what encoding/json forgets: the order
// of an object's keys, duplicate keys, and where each value stands in the text, so
// that a fault in a campaign definition is named by its JSON path and line.

type jsonKind int

const (
	jsonNull jsonKind = iota
	jsonBool
	jsonNumber
	jsonString
	jsonArray
	jsonObject
)

func (k jsonKind) label() string {
	return [...]string{"null", "真假值（true/false）", "数字", "字符串", "数组", "对象"}[k]
}

type jsonMember struct {
	key  string
	node *jsonNode
}

type jsonNode struct {
	kind    jsonKind
	offset  int64 // byte offset of the value's first character
	str     string
	num     json.Number
	boolean bool
	items   []*jsonNode
	members []jsonMember
}

// parseJSONTree reads one JSON value; a duplicate key is an error, as is anything
// after the value.
func parseJSONTree(b []byte) (*jsonNode, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	n, err := readJSONNode(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &jsonPosError{offset: dec.InputOffset(), msg: "JSON 值之后还有多余的内容"}
	}
	return n, nil
}

type jsonPosError struct {
	offset int64
	msg    string
}

func (e *jsonPosError) Error() string { return e.msg }

func readJSONNode(dec *json.Decoder) (*jsonNode, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, jsonSyntax(dec, err)
	}
	// The end of a token is on its line: JSON strings hold no raw line breaks.
	n := &jsonNode{offset: dec.InputOffset()}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n.kind = jsonObject
			seen := map[string]bool{}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, jsonSyntax(dec, err)
				}
				key, _ := kt.(string)
				if seen[key] {
					return nil, &jsonPosError{offset: dec.InputOffset(), msg: fmt.Sprintf("键“%s”重复出现", key)}
				}
				seen[key] = true
				v, err := readJSONNode(dec)
				if err != nil {
					return nil, err
				}
				n.members = append(n.members, jsonMember{key, v})
			}
		case '[':
			n.kind = jsonArray
			n.items = []*jsonNode{}
			for dec.More() {
				v, err := readJSONNode(dec)
				if err != nil {
					return nil, err
				}
				n.items = append(n.items, v)
			}
		}
		if _, err := dec.Token(); err != nil { // the closing delimiter
			return nil, jsonSyntax(dec, err)
		}
	case string:
		n.kind, n.str = jsonString, t
	case json.Number:
		n.kind, n.num = jsonNumber, t
	case bool:
		n.kind, n.boolean = jsonBool, t
	case nil:
		n.kind = jsonNull
	}
	return n, nil
}

func jsonSyntax(dec *json.Decoder, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return &jsonPosError{offset: se.Offset, msg: "JSON 语法错误：" + se.Error()}
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return &jsonPosError{offset: dec.InputOffset(), msg: "JSON 不完整：文件在值结束之前就结束了"}
	}
	return &jsonPosError{offset: dec.InputOffset(), msg: "JSON 语法错误：" + err.Error()}
}

// lineOf is the 1-based line of a byte offset.
func lineOf(src []byte, off int64) int {
	if off > int64(len(src)) {
		off = int64(len(src))
	}
	return bytes.Count(src[:max(off, 0)], []byte("\n")) + 1
}
