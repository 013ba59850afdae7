package dev.depot.localinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Makes the test Redis stop answering every client for a while ({@code CLIENT PAUSE}), as a Redis
 * too busy or too far away to answer in time would: commands wait, then run.
 */
public final class RedisPause {

    private RedisPause() {}

    public static void pause(Duration duration) throws Exception {
        URI url = URI.create(TestInfra.variables().get("DEPOT_REDIS_URL"));
        String millis = Long.toString(duration.toMillis());
        String command = "*3\r\n$6\r\nCLIENT\r\n$5\r\nPAUSE\r\n$" + millis.length() + "\r\n" + millis + "\r\n";
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(command.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[5];
            int read = in.readNBytes(reply, 0, reply.length);
            String answer = new String(reply, 0, read, StandardCharsets.US_ASCII);
            if (!answer.equals("+OK\r\n")) {
                throw new IOException("Redis refused CLIENT PAUSE: " + answer);
            }
        }
    }
}
