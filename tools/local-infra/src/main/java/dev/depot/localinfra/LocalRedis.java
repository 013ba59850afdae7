package dev.depot.localinfra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import redis.embedded.RedisServer;

/** A Redis server (binary shipped in the embedded-redis jar), its snapshot kept between runs. */
final class LocalRedis implements InfraComponent {

    private final Path dir;
    private final int port;
    private RedisServer redis;

    LocalRedis(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public Map<String, String> start() throws Exception {
        Files.createDirectories(dir);
        redis = RedisServer.newRedisServer()
                .bind("127.0.0.1")
                .port(port)
                .setting("dir " + dir.toAbsolutePath())
                .setting("save 60 1")
                .setting("appendonly no")
                .onShutdownForceStop(true)
                .build();
        redis.start();
        return Map.of("DEPOT_REDIS_URL", "redis://127.0.0.1:" + port);
    }

    @Override
    public void close() throws Exception {
        if (redis != null) {
            redis.stop();
        }
    }
}
