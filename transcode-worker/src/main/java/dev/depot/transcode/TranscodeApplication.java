package dev.depot.transcode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TranscodeApplication {

    public static void main(String[] args) {
        SpringApplication.run(TranscodeApplication.class, args);
    }
}
