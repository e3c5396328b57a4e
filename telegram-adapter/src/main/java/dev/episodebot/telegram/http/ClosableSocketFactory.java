package dev.episodebot.telegram.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.SocketFactory;

/**
 * Plain sockets that can all be closed at once. Closing the poller's socket ends a long poll
 * without cancelling the OkHttp call (a cancelled call makes telegrambots log an error on every
 * normal shutdown); see {@code PollingHealth}.
 */
public final class ClosableSocketFactory extends SocketFactory {

    private final SocketFactory delegate = SocketFactory.getDefault();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

    /** Closes every socket made so far. */
    public void closeAll() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        sockets.clear();
    }

    @Override
    public Socket createSocket() throws IOException {
        return track(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return track(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return track(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return track(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return track(delegate.createSocket(address, port, localAddress, localPort));
    }

    private Socket track(Socket socket) {
        sockets.removeIf(Socket::isClosed);
        sockets.add(socket);
        return socket;
    }
}
