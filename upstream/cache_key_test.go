package upstream

import (
	"net/http"
	"strings"
	"testing"
)

func TestCacheKeyNeverHoldsTheToken(t *testing.T) {
	req, _ := http.NewRequest(http.MethodGet, "http://upstream.test/charts/1", nil)
	anon := cacheKey(req)
	req.Header.Set("Authorization", "Bearer secret-token")
	alice := cacheKey(req)
	req.Header.Set("Authorization", "Bearer other-token")
	bob := cacheKey(req)
	req.Header.Set("Accept-Language", "en")
	bobEnglish := cacheKey(req)

	for _, k := range []string{anon, alice, bob, bobEnglish} {
		if strings.Contains(k, "token") {
			t.Errorf("key %q holds the token", k)
		}
	}
	if anon == alice || alice == bob || bob == bobEnglish {
		t.Errorf("keys of different scopes collide: %q %q %q %q", anon, alice, bob, bobEnglish)
	}
}
