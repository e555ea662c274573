package dev.restcache.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.ResponseCacheFeature;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A container that serves a request under another authority than its {@code Host} field (Jetty for
 * an absolute-form request line, RFC 9112 §3.2.2) gives the application another URI, and so another
 * key, than the field names: the front leaves such a request to the application rather than answer
 * it from the field's entry. Undertow refuses such a request line itself (400), so a filter ahead
 * of the front stands in for that container, moving the request to the authority a test field
 * names.
 */
class ContainerAuthorityTest {
  private static final String STAND_IN = "X-Test-Request-Line-Authority";

  @Test
  void requestTheContainerServesUnderAnotherAuthorityGetsTheApplicationsAnswer() throws Exception {
    try (FrontServer server =
        FrontServer.startBehind(
            new RequestLineAuthority(), ResponseCacheFeature.builder().front(true).build())) {
      Http.get(server.base.resolve("reflect?a"));
      HttpResponse<String> served = Http.get(server.base.resolve("reflect?a"));
      int filtered = server.counts.get("filter /reflect");

      HttpResponse<String> moved =
          Http.get(server.base.resolve("reflect?a"), STAND_IN, "other.example");

      assertThat(Http.cacheStatus(served)).startsWith("restcache; hit");
      assertThat(served.body()).isEqualTo("http://127.0.0.1:" + server.port + "/reflect?a");
      assertThat(moved.body()).isEqualTo("http://other.example:" + server.port + "/reflect?a");
      assertThat(server.counts.get("filter /reflect")).isEqualTo(filtered + 1);
    }
  }

  /** The container's view of a request whose request line named another host. */
  private static final class RequestLineAuthority implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      HttpServletRequest http = (HttpServletRequest) request;
      String host = http.getHeader(STAND_IN);
      chain.doFilter(host == null ? request : new ServedUnder(http, host), response);
    }
  }

  private static final class ServedUnder extends HttpServletRequestWrapper {
    private final String host;

    ServedUnder(HttpServletRequest request, String host) {
      super(request);
      this.host = host;
    }

    @Override
    public String getServerName() {
      return host;
    }

    @Override
    public StringBuffer getRequestURL() {
      return new StringBuffer(getScheme() + "://" + host + ":" + getServerPort() + getRequestURI());
    }
  }
}
