package dev.portal.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP forwarder for fault tests: start it to let traffic through to a real server, close it to make
 * the server "unreachable" (new connections refused, open ones dropped), start it again to heal.
 */
public final class TcpProxy implements AutoCloseable {

    private final int port;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    private TcpProxy(int port, String targetHost, int targetPort) {
        this.port = port;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /** A proxy on a free loopback port that refuses connections until {@link #start()}. */
    public static TcpProxy to(String targetHost, int targetPort) {
        return new TcpProxy(freePort(), targetHost, targetPort);
    }

    /**
     * A proxy on a port chosen beforehand, for servers that must know it before the proxy's target exists (a Kafka
     * broker that advertises the proxy's address while listening elsewhere).
     */
    public static TcpProxy on(int port, String targetHost, int targetPort) {
        return new TcpProxy(port, targetHost, targetPort);
    }

    /** A loopback port that was free a moment ago. */
    public static int freeLoopbackPort() {
        return freePort();
    }

    public int port() {
        return port;
    }

    public synchronized TcpProxy start() {
        if (server != null) {
            return this;
        }
        try {
            ServerSocket listening = new ServerSocket();
            listening.setReuseAddress(true);
            listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = listening;
            Thread.ofVirtual().name("tcp-proxy-accept-" + port).start(() -> accept(listening));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + port, e);
        }
    }

    /** Stops listening and cuts every open connection. */
    @Override
    public synchronized void close() {
        ServerSocket listening = server;
        server = null;
        closeQuietly(listening);
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(upstream);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException closedOrRefused) {
                // listening socket closed, or the target refused: the client sees its connection end
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException dropped) {
                // either side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // already closed
            }
        }
    }
}
