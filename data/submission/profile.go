package submission

import (
	_ "embed"
	"encoding/json"
)

// BagItProfile is the package layout as a BagIt profile (bagit-profiles
// specification 1.3.0), named by every package's bag-info.txt under
// BagIt-Profile-Identifier, so that a stock validator given this file checks what
// the format promises: the bag-info fields, SHA-256 manifests, the tag files (both
// public keys and the README), no fetch.txt, submission.json in the payload. The disc
// image is not a BagIt serialization (the bag is its file tree), hence
// "Serialization": "forbidden". The identifier is a tag URI (RFC 4151): it needs no
// web server the ministry may not have.
//
//go:embed bagit-profile.json
var BagItProfile []byte

// ProfileID is the profile's identifier, as bag-info.txt states it.
var ProfileID = func() string {
	var p struct {
		Info struct {
			ID string `json:"BagIt-Profile-Identifier"`
		} `json:"BagIt-Profile-Info"`
	}
	if err := json.Unmarshal(BagItProfile, &p); err != nil || p.Info.ID == "" {
		panic("bagit-profile.json: no identifier")
	}
	return p.Info.ID
}()
