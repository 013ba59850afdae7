package dev.depot.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.depot.localinfra.ComposeContract;
import dev.depot.localinfra.ServiceClient;
import dev.depot.localinfra.TestInfra;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@ExtendWith(TestInfra.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthServiceTest {

  @LocalServerPort
  int port;

  @Test
  void publishesThePublicHalfOfTheSigningKeyWithAStableKid() throws Exception {
    HttpResponse<String> response = new ServiceClient(port)
        .get("/api/auth/.well-known/jwks.json", null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
        v -> assertThat(v).contains("max-age=300"));
    RSAKey key = JWKSet.parse(response.body()).getKeys().getFirst().toRSAKey();
    assertThat(key.isPrivate()).isFalse();
    assertThat(response.body()).doesNotContain("\"d\"", "\"p\"", "\"q\"");
    assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
  }

  @Test
  void composeAndConfigurationAgree() {
    assertThat(ComposeContract.check(ComposeContract.composeFile(), "auth-service",
        getClass().getClassLoader())).isEmpty();
  }
}
