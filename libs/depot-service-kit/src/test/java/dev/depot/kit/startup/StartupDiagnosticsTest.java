package dev.depot.kit.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

/** Bad configuration stops a service with one log event that names the variable, no stack. */
@ExtendWith(OutputCaptureExtension.class)
class StartupDiagnosticsTest {

    @ConfigurationProperties("demo")
    @Validated
    record DemoProperties(@NotBlank String secret) {}

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DemoProperties.class)
    static class DemoApp {}

    private static void start(String... args) {
        SpringApplication app = new SpringApplication(DemoApp.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.run(args);
    }

    @Test
    void aMissingSecretIsNamedInOneLine(CapturedOutput output) {
        assertThatThrownBy(StartupDiagnosticsTest::start).isInstanceOf(MissingSettingsException.class);
        String errors =
                output.getOut().lines().filter(l -> l.contains("\"ERROR\"")).reduce("", String::concat);
        assertThat(errors)
                .contains("Required setting DEPOT_DEMO_SECRET not set.")
                .doesNotContain("DEPOT_DEMO_OPTIONAL");
        assertThat(output.getOut().lines().filter(l -> l.contains("\"ERROR\""))).hasSize(1);
        assertThat(output.getOut()).doesNotContain("\tat org.springframework");
    }

    @Test
    void startsWhenTheSettingIsGiven() {
        start("--DEPOT_DEMO_SECRET=s3cr3t");
    }
}
