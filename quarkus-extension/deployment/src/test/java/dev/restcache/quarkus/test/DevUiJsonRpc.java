package dev.restcache.quarkus.test;

import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls restcache's Dev UI JSON-RPC methods as the page does: over the Dev UI's WebSocket, on the
 * dev-mode application's port ({@link DevModeHttp}), one connection per call.
 */
final class DevUiJsonRpc {
  private static final String NAMESPACE = "quarkus-restcache";
  private static final AtomicInteger IDS = new AtomicInteger();

  private DevUiJsonRpc() {}

  /** {@return the answer, whose {@code result.object} is what the method returned} */
  static JsonPath call(String method) throws Exception {
    int id = IDS.incrementAndGet();
    CompletableFuture<String> answer = new CompletableFuture<>();
    URI uri =
        URI.create(
            "ws://127.0.0.1:" + Integer.getInteger("quarkus.http.port") + "/q/dev-ui/json-rpc-ws");
    WebSocket socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(uri, new Answer(id, answer))
            .get(30, TimeUnit.SECONDS);
    try {
      // The Dev UI names a method after its extension's namespace and the Java method.
      socket
          .sendText(
              "{\"jsonrpc\":\"2.0\",\"id\":"
                  + id
                  + ",\"method\":\""
                  + NAMESPACE
                  + "_"
                  + method
                  + "\",\"params\":{}}",
              true)
          .get(30, TimeUnit.SECONDS);
      JsonPath response = JsonPath.from(answer.get(30, TimeUnit.SECONDS));
      if (response.get("error") != null) {
        throw new AssertionError(method + " failed: " + response.prettify());
      }
      return response;
    } finally {
      socket.abort();
    }
  }

  /** Collects text frames into messages and completes with the one answering {@code id}. */
  private static final class Answer implements WebSocket.Listener {
    private final int id;
    private final CompletableFuture<String> answer;
    private final StringBuilder message = new StringBuilder();

    Answer(int id, CompletableFuture<String> answer) {
      this.id = id;
      this.answer = answer;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      message.append(data);
      if (last) {
        String complete = message.toString();
        message.setLength(0);
        if (JsonPath.from(complete).getInt("id") == id) {
          answer.complete(complete);
        }
      }
      socket.request(1);
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      answer.completeExceptionally(error);
    }
  }
}
