package dev.restcache.cxf;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.Cached;
import dev.restcache.ResponseCache;
import dev.restcache.ResponseCacheFeature;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.cxf.BusFactory;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.lifecycle.SingletonResourceProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The feature registered as a provider of a {@link JAXRSServerFactoryBean}, with a singleton
 * resource: CXF injects a proxy for {@code @Context ResponseCache} that answers per request.
 */
class RegistrationTest {
  private CxfServer server;

  /** A singleton catalogue that counts its own calls. */
  @Path("/catalogue")
  public static class Catalogue {
    final AtomicInteger calls = new AtomicInteger();

    @Context ResponseCache cache;

    @GET
    @Cached(ttl = 60)
    public String list() {
      return "catalogue " + calls.incrementAndGet();
    }

    @POST
    @Path("/evictions")
    public String evict() {
      cache.invalidatePath("/catalogue");
      return "evicted";
    }
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aFeatureAmongTheProvidersCachesAndInjectsTheHandleIntoASingleton() {
    Catalogue catalogue = new Catalogue();
    JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
    factory.setResourceClasses(Catalogue.class);
    factory.setResourceProvider(Catalogue.class, new SingletonResourceProvider(catalogue));
    factory.setProviders(List.of(ResponseCacheFeature.withDefaults()));
    server = CxfServer.start(BusFactory.newInstance().createBus(), factory);
    String base = server.baseUri().toString();

    String first = given().baseUri(base).get("catalogue").asString();
    String hit = given().baseUri(base).get("catalogue").asString();
    given().baseUri(base).post("catalogue/evictions").then().statusCode(200);
    String after = given().baseUri(base).get("catalogue").asString();

    assertThat(first).isEqualTo("catalogue 1");
    assertThat(hit).isEqualTo("catalogue 1");
    assertThat(after).isEqualTo("catalogue 2");
  }
}
