// Test oracle only (never shipped): kubectl's YAML-to-JSON conversion, sigs.k8s.io/yaml.YAMLToJSON.
// stdin: documents, each framed as a 4-byte big-endian length and that many bytes.
// stdout: one JSON line per document, {"json": <YAMLToJSON output>} or {"error": "<message>"};
// "collides" is added when two distinct keys of one mapping (1 and 1.0, true and "true") become
// the same JSON key: YAMLToJSON then keeps whichever Go's random map order puts last.
// Build: GO111MODULE=off GOPATH=/usr/share/gocode go build (Debian: golang-k8s-sigs-yaml-dev).
package main

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"

	goyaml "gopkg.in/yaml.v2"
	"sigs.k8s.io/yaml"
)

type answer struct {
	JSON     json.RawMessage `json:"json,omitempty"`
	Error    string          `json:"error,omitempty"`
	Collides string          `json:"collides,omitempty"`
}

func main() {
	in, out := bufio.NewReaderSize(os.Stdin, 1<<16), bufio.NewWriterSize(os.Stdout, 1<<16)
	defer out.Flush()
	var frame [4]byte
	for {
		if _, err := io.ReadFull(in, frame[:]); err != nil {
			return // end of input
		}
		doc := make([]byte, binary.BigEndian.Uint32(frame[:]))
		if _, err := io.ReadFull(in, doc); err != nil {
			os.Exit(2) // truncated frame: the caller's bug
		}
		var a answer
		if converted, err := yaml.YAMLToJSON(doc); err != nil {
			a.Error = err.Error()
		} else {
			a.JSON = converted
		}
		var tree interface{}
		if goyaml.Unmarshal(doc, &tree) == nil {
			a.Collides = collision(tree)
		}
		line, err := json.Marshal(a)
		if err != nil {
			// YAMLToJSON wrote JSON that Go's JSON decoding cannot read back (nested deeper than
			// its 10,000 levels): kubectl's decoding of that JSON (sigs.k8s.io/json) refuses it too.
			line, _ = json.Marshal(answer{Error: "json: " + err.Error()})
		}
		out.Write(append(line, '\n'))
	}
}

// collision names the first JSON key that two distinct keys of one mapping turn into, if any
// (the key strings are sigs.k8s.io/yaml's: %v of ints and bools, 32-bit 'g' of floats).
func collision(v interface{}) string {
	switch v := v.(type) {
	case map[interface{}]interface{}:
		seen := map[string]bool{}
		for k, child := range v {
			s := fmt.Sprint(k)
			if f, ok := k.(float64); ok {
				s = strconv.FormatFloat(f, 'g', -1, 32)
				if named, ok := map[string]string{"+Inf": ".inf", "-Inf": "-.inf", "NaN": ".nan"}[s]; ok {
					s = named
				}
			}
			if seen[s] {
				return s
			}
			seen[s] = true
			if c := collision(child); c != "" {
				return c
			}
		}
	case []interface{}:
		for _, child := range v {
			if c := collision(child); c != "" {
				return c
			}
		}
	}
	return ""
}
