package dev.depot.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenTextTest {

    @Test
    void headerValuesWithControlCharactersAreRefused() {
        assertThat(TokenText.isPrintable("Bearer abc.def-_~+/=")).isTrue();
        assertThat(TokenText.isPrintable("caf\u00e9\tok")).isTrue();
        assertThat(TokenText.isPrintable(null)).isTrue();
        assertThat(TokenText.isPrintable("a\r\nSet-Cookie: x")).isFalse();
        assertThat(TokenText.isPrintable("nul\u0000")).isFalse();
        assertThat(TokenText.isPrintable("del\u007f")).isFalse();
    }

    @Test
    void bearerTokensAreReadOnlyWhenWellFormed() {
        assertThat(TokenText.bearerToken("Bearer abc.DEF-_~+/==")).isEqualTo("abc.DEF-_~+/==");
        assertThat(TokenText.bearerToken("bearer x")).isEqualTo("x");
        assertThat(TokenText.bearerToken(null)).isNull();
        assertThat(TokenText.bearerToken("Basic dXNlcjpwdw==")).isNull();
        assertThat(TokenText.bearerToken("Bearer ")).isEmpty();
        assertThat(TokenText.bearerToken("Bearer ==")).isEmpty();
        assertThat(TokenText.bearerToken("Bearer a b")).isEmpty();
        assertThat(TokenText.bearerToken("Bearer a=b")).isEmpty();
    }

    @Test
    void verifiedTokensAreForgottenWhenTheyExpire() {
        Instant now = Instant.parse("2026-11-22T12:00:00Z");
        VerifiedTokens tokens = new VerifiedTokens(Clock.fixed(now, ZoneOffset.UTC));
        Jwt live = Jwt.withTokenValue("a")
                .header("alg", "RS256")
                .subject("u")
                .issuedAt(now.minusSeconds(60))
                .expiresAt(now.plusSeconds(60))
                .build();
        Jwt expired = Jwt.withTokenValue("b")
                .header("alg", "RS256")
                .subject("u")
                .issuedAt(now.minusSeconds(60))
                .expiresAt(now)
                .build();
        tokens.remember("a", live);
        tokens.remember("b", expired);
        assertThat(tokens.get("a")).isSameAs(live);
        assertThat(tokens.get("b")).isNull();
        assertThat(tokens.get("c")).isNull();
    }
}
