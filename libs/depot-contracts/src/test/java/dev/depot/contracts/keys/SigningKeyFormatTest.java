package dev.depot.contracts.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SigningKeyFormatTest {

    private static String pem(String newline) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
        return "-----BEGIN PRIVATE KEY-----"
                + newline
                + Base64.getMimeEncoder(64, newline.getBytes()).encodeToString(der)
                + newline
                + "-----END PRIVATE KEY-----"
                + newline;
    }

    @Test
    void readsPemWithRealOrEscapedNewlinesAndKeysItByThumbprint() throws Exception {
        String pem = pem("\n");
        var key = SigningKeyFormat.parse(pem);
        assertThat(key.isPrivate()).isTrue();
        assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
        assertThat(SigningKeyFormat.parse(pem.replace("\n", "\\n")).getKeyID()).isEqualTo(key.getKeyID());
    }

    @Test
    void refusesWhatIsNotAnRsaPrivateKey() {
        assertThatThrownBy(() -> SigningKeyFormat.parse("not a key"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DEPOT_AUTH_SIGNING_KEY");
    }
}
