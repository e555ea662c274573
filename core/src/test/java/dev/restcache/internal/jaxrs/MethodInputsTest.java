package dev.restcache.internal.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.Cached;
import dev.restcache.internal.NamePatterns;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.SecurityContext;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a resource method's declaration says its response depends on. */
class MethodInputsTest {
  /** A group of parameters, as applications bind them. */
  public static class Params {
    @HeaderParam("X-Tenant")
    String tenant;

    @CookieParam("lang")
    String lang;
  }

  @Path("items")
  @Produces("application/json")
  public static class Items {
    @GET
    @Path("{id}")
    @Cached
    public String one(@PathParam("id") long id) {
      return "";
    }

    @GET
    @Path("tenant")
    @Produces({"application/json", "text/plain"})
    public String tenant(@BeanParam Params params) {
      return "";
    }

    @GET
    @Path("me")
    public String me(@Context SecurityContext security) {
      return "";
    }

    @GET
    @Path("me/public")
    @Cached(identityIndependent = true)
    public String mePublic(@Context SecurityContext security) {
      return "";
    }

    @GET
    @Path("negotiated")
    public String negotiated(@Context Request request) {
      return "";
    }

    @GET
    @Path("headers")
    public String headers(@Context HttpHeaders headers) {
      return "";
    }

    @GET
    @Path("headers/declared")
    @Cached(vary = "X-Region")
    public String headersDeclared(@Context HttpHeaders headers) {
      return "";
    }

    @GET
    @Path("raw")
    public String raw(@Context ContainerRequestContext request) {
      return "";
    }

    @GET
    @Path("twins")
    @Produces("text/plain")
    public String twinText() {
      return "";
    }

    @GET
    @Path("twins")
    @Produces("application/xml")
    public String twinXml() {
      return "";
    }

    @GET
    @Path("uuid/{key}")
    public String byUuid(@PathParam("key") UUID key) {
      return "";
    }

    @PUT
    @Path("{itemId: [0-9+]+}")
    public String put(@PathParam("itemId") long itemId) {
      return "";
    }
  }

  /** Reads the user through CDI, as MicroProfile JWT applications do. */
  @Path("jwt")
  @Produces("application/json")
  public static class TokenReader {
    @Inject Principal caller;

    @GET
    public String get() {
      return "";
    }
  }

  private static MethodInputs inputs(Class<?> type, String name) {
    Method method = method(type, name);
    return MethodInputs.of(
        method, type, method.getAnnotation(Cached.class), NamePatterns.of(List.of("lang")));
  }

  @Test
  void oneConcreteMediaTypeIsNotKeyedButSeveralAreAndSoAreTwinsOnOnePath() {
    assertThat(inputs(Items.class, "one").headers()).isEmpty();
    assertThat(inputs(Items.class, "tenant").headers()).contains("accept");
    assertThat(inputs(Items.class, "twinText").headers()).contains("accept");
    assertThat(inputs(Items.class, "twinXml").headers()).contains("accept");
  }

  @Test
  void headerAndCookieParametersOfABeanAreKeyed() {
    MethodInputs tenant = inputs(Items.class, "tenant");
    assertThat(tenant.headers()).contains("x-tenant");
    assertThat(tenant.cookies()).containsExactly("lang");
    assertThat(tenant.personalised()).isFalse();
  }

  @Test
  void aSecurityContextOrAnInjectedPrincipalMakesTheMethodPersonalisedUnlessItOptsOut() {
    assertThat(inputs(Items.class, "me").personalised()).isTrue();
    assertThat(inputs(Items.class, "mePublic").personalised()).isFalse();
    assertThat(inputs(TokenReader.class, "get").personalised()).isTrue();
  }

  @Test
  void requestAndHttpHeadersAreKeyedOnTheNegotiationHeadersAndHttpHeadersWarns() {
    assertThat(inputs(Items.class, "negotiated").headers())
        .containsAll(MethodInputs.NEGOTIATION_HEADERS);
    MethodInputs headers = inputs(Items.class, "headers");
    assertThat(headers.headers()).containsAll(MethodInputs.NEGOTIATION_HEADERS).contains("cookie");
    assertThat(headers.warnings())
        .singleElement()
        .asString()
        .startsWith("restcache: " + Items.class.getName() + ".headers reads @Context HttpHeaders");
    assertThat(inputs(Items.class, "headersDeclared").warnings()).isEmpty();
    assertThat(inputs(Items.class, "raw").warnings())
        .singleElement()
        .asString()
        .startsWith(
            "restcache: "
                + Items.class.getName()
                + ".raw reads @Context ContainerRequestContext, whose headers restcache cannot see");
  }

  @Test
  void typedPathParametersGiveOneSpellingOfThePath() {
    assertThat(inputs(Items.class, "one").resourcePath().resourcePath("/api/items/007"))
        .isEqualTo("/api/items/7");
    assertThat(
            inputs(Items.class, "byUuid")
                .resourcePath()
                .resourcePath("/items/uuid/0E984725-C51C-4BF4-9960-E1C80E27ABA0"))
        .isEqualTo("/items/uuid/0e984725-c51c-4bf4-9960-e1c80e27aba0");
    assertThat(
            MethodInputs.resourcePath(method(Items.class, "put"), Items.class)
                .resourcePath("/items/+1"))
        .isEqualTo("/items/1");
    assertThat(inputs(Items.class, "tenant").resourcePath()).isNull();
  }

  private static Method method(Class<?> type, String name) {
    for (Method method : type.getMethods()) {
      if (method.getName().equals(name)) {
        return method;
      }
    }
    throw new AssertionError("no method " + name);
  }
}
