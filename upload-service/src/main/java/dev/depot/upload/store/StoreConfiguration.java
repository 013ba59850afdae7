package dev.depot.upload.store;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    /** Stores full parts while the request goes on reading the next one. */
    @Bean(destroyMethod = "close")
    ExecutorService partUploads() {
        return Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("part-upload-", 0).factory());
    }
}
