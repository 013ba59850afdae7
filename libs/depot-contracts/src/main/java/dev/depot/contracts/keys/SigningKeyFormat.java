package dev.depot.contracts.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form of the access-token signing key ({@code DEPOT_AUTH_SIGNING_KEY}): an RSA private key in
 * PKCS#8 PEM, whose newlines may be written as {@code \n}. Its JWK id is the RFC 7638 thumbprint,
 * so the same key always has the same {@code kid} and a new key gets a new one.
 */
public final class SigningKeyFormat {

    private SigningKeyFormat() {}

    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN PRIVATE KEY-----.*?-----END PRIVATE KEY-----", Pattern.DOTALL);

    /**
     * Every key in a text holding zero or more PEM blocks one after another (how retired keys are
     * given, {@code DEPOT_AUTH_PREVIOUS_SIGNING_KEYS}).
     */
    public static List<RSAKey> parseAll(String pems) {
        Matcher blocks = BLOCK.matcher(pems.replace("\\n", "\n"));
        List<RSAKey> keys = new ArrayList<>();
        while (blocks.find()) {
            keys.add(parse(blocks.group()));
        }
        if (keys.isEmpty() && !pems.isBlank()) {
            throw new IllegalArgumentException("no PEM private key block found in the retired keys");
        }
        return List.copyOf(keys);
    }

    /** The RS256 signing JWK (private and public halves) the PEM describes. */
    public static RSAKey parse(String pem) {
        String base64 = pem.replace("\\n", "\n")
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            RSAKey bare = new RSAKey.Builder(publicKey).privateKey(privateKey).build();
            return new RSAKey.Builder(bare)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(bare.computeThumbprint().toString())
                    .build();
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException | JOSEException e) {
            throw new IllegalArgumentException(
                    "DEPOT_AUTH_SIGNING_KEY is not an RSA private key in PKCS#8 PEM form", e);
        }
    }
}
