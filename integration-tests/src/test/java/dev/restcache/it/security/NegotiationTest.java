package dev.restcache.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.Cached;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.RunningServer;
import io.restassured.response.Response;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Variant;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Family 5, negotiation is keyed: a response whose representation JAX-RS chose from the request's
 * {@code Accept}, {@code Accept-Language}, {@code Accept-Charset} or {@code Accept-Encoding} is
 * keyed on them and says so in {@code Vary}, so that no client is served a representation
 * negotiated for another (a JSON client never gets text, an English reader never gets French).
 */
class NegotiationTest {
  private static final String HIT = "restcache; hit";

  private final Resource resource = new Resource();
  @RegisterExtension final RunningServer server = new RunningServer();

  /** What ordinary resources return: a bean, written as JSON by Jackson or as text. */
  public static class Book {
    public String title;

    public Book() {}

    Book(String title) {
      this.title = title;
    }
  }

  /** The application's own text representation of a {@link Book}. */
  @Produces("text/plain")
  public static class BookText implements MessageBodyWriter<Book> {
    @Override
    public boolean isWriteable(
        Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
      return type == Book.class;
    }

    @Override
    public void writeTo(
        Book book,
        Class<?> type,
        Type genericType,
        Annotation[] annotations,
        MediaType mediaType,
        MultivaluedMap<String, Object> headers,
        OutputStream out)
        throws java.io.IOException {
      out.write(("Book: " + book.title).getBytes(StandardCharsets.UTF_8));
    }
  }

  @Path("/")
  public static class Resource {
    final AtomicInteger calls = new AtomicInteger();

    @GET
    @Path("book")
    @Cached
    @Produces({"application/json", "text/plain"})
    public Book book() {
      calls.incrementAndGet();
      return new Book("Dune");
    }

    @GET
    @Path("untyped")
    @Cached
    public Book untyped() {
      calls.incrementAndGet();
      return new Book("Emma");
    }

    @GET
    @Path("report")
    @Cached
    @Produces("application/json")
    public String reportAsJson() {
      calls.incrementAndGet();
      return "{\"report\":\"q3\"}";
    }

    @GET
    @Path("report")
    @Cached
    @Produces("text/plain")
    public String reportAsText() {
      calls.incrementAndGet();
      return "report q3";
    }

    @GET
    @Path("price")
    @Cached
    @Produces({"text/plain;charset=UTF-8", "text/plain;charset=ISO-8859-1"})
    public String price() {
      calls.incrementAndGet();
      return "5 €";
    }

    @GET
    @Path("greeting")
    @Cached
    public jakarta.ws.rs.core.Response greeting(@Context Request request) {
      calls.incrementAndGet();
      Variant variant =
          request.selectVariant(
              Variant.mediaTypes(MediaType.TEXT_PLAIN_TYPE)
                  .languages(Locale.ENGLISH, Locale.FRENCH, Locale.GERMAN)
                  .add()
                  .build());
      if (variant == null) {
        return jakarta.ws.rs.core.Response.notAcceptable(List.of()).build();
      }
      String text =
          switch (variant.getLanguage().getLanguage()) {
            case "fr" -> "bonjour";
            case "de" -> "hallo";
            default -> "hello";
          };
      return jakarta.ws.rs.core.Response.ok(text, variant).build();
    }

    @GET
    @Path("greeting-cors")
    @Cached
    public jakarta.ws.rs.core.Response greetingWithItsOwnVary(@Context Request request) {
      jakarta.ws.rs.core.Response greeting = greeting(request);
      // Jersey adds its negotiation Vary only to a response that has none.
      return jakarta.ws.rs.core.Response.fromResponse(greeting).header("Vary", "Origin").build();
    }

    @GET
    @Path("greeting-filtered")
    @Cached
    public jakarta.ws.rs.core.Response greetingThroughAFilter(@Context Request request) {
      return greeting(request);
    }

    @GET
    @Path("menu")
    @Cached
    public jakarta.ws.rs.core.Response menu(@Context Request request) {
      calls.incrementAndGet();
      Variant variant =
          request.selectVariant(
              Variant.mediaTypes(
                      MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"),
                      MediaType.TEXT_PLAIN_TYPE.withCharset("ISO-8859-1"))
                  .add()
                  .build());
      if (variant == null) {
        return jakarta.ws.rs.core.Response.notAcceptable(List.of()).build();
      }
      return jakarta.ws.rs.core.Response.ok(
              "crème brûlée in " + variant.getMediaType().getParameters().get("charset"), variant)
          .build();
    }

    @GET
    @Path("download")
    @Cached
    public jakarta.ws.rs.core.Response download(@Context Request request) {
      calls.incrementAndGet();
      Variant variant =
          request.selectVariant(
              Variant.mediaTypes(MediaType.TEXT_PLAIN_TYPE)
                  .encodings("identity", "x-rot13")
                  .add()
                  .build());
      if (variant == null) {
        return jakarta.ws.rs.core.Response.notAcceptable(List.of()).build();
      }
      String text = "x-rot13".equals(variant.getEncoding()) ? "frperg" : "secret";
      return jakarta.ws.rs.core.Response.ok(text, variant).build();
    }
  }

  /** A CORS filter that sets Vary rather than adding to it, on one path. */
  public static class CorsFilter implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      if (request.getUriInfo().getPath().equals("greeting-filtered")) {
        response.getHeaders().putSingle("Access-Control-Allow-Origin", "*");
        response.getHeaders().putSingle("Vary", "Origin");
      }
    }
  }

  @BeforeEach
  void start() {
    server.start(
        Apps.of(ResponseCacheFeature.withDefaults(), resource, BookText.class, CorsFilter.class));
  }

  private Response get(String path, String header, String value) {
    return server.request().header(header, value).get(path);
  }

  private static List<String> vary(Response response) {
    return response.headers().getValues("Vary").stream()
        .flatMap(line -> Arrays.stream(line.split(",")))
        .map(name -> name.trim().toLowerCase(Locale.ROOT))
        .collect(Collectors.toList());
  }

  private static String cacheStatus(Response response) {
    return String.valueOf(response.header("Cache-Status"));
  }

  @Test
  void aJsonClientNeverGetsTheTextOfAMethodThatProducesBoth() {
    Response json = get("/book", "Accept", "application/json");
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.contentType()).startsWith("application/json");
    assertThat(json.asString()).isEqualTo("{\"title\":\"Dune\"}");
    assertThat(vary(json)).contains("accept");

    Response text = get("/book", "Accept", "text/plain");
    assertThat(text.contentType()).startsWith("text/plain");
    assertThat(text.asString()).isEqualTo("Book: Dune");
    assertThat(vary(text)).contains("accept");

    Response jsonAgain = get("/book", "Accept", "application/json");
    assertThat(jsonAgain.contentType()).startsWith("application/json");
    assertThat(jsonAgain.asString()).isEqualTo("{\"title\":\"Dune\"}");
    assertThat(cacheStatus(jsonAgain)).startsWith(HIT);
    Response textAgain = get("/book", "Accept", "text/plain");
    assertThat(textAgain.asString()).isEqualTo("Book: Dune");
    assertThat(cacheStatus(textAgain)).startsWith(HIT);
    assertThat(resource.calls).hasValue(2);
  }

  @Test
  void aTextClientFirstDoesNotPoisonTheJsonClients() {
    assertThat(get("/book", "Accept", "text/plain").asString()).isEqualTo("Book: Dune");
    Response json = get("/book", "Accept", "application/json");
    assertThat(json.contentType()).startsWith("application/json");
    assertThat(json.asString()).isEqualTo("{\"title\":\"Dune\"}");
    assertThat(resource.calls).hasValue(2);
  }

  @Test
  void aMethodWithoutProducesIsKeyedOnAccept() {
    Response json = get("/untyped", "Accept", "application/json");
    assertThat(json.asString()).isEqualTo("{\"title\":\"Emma\"}");
    assertThat(vary(json)).contains("accept");
    Response text = get("/untyped", "Accept", "text/plain");
    assertThat(text.statusCode()).isEqualTo(200);
    assertThat(text.contentType()).startsWith("text/plain");
    assertThat(text.asString()).isEqualTo("Book: Emma");
    assertThat(vary(text)).contains("accept");
    assertThat(get("/untyped", "Accept", "application/json").asString())
        .isEqualTo("{\"title\":\"Emma\"}");
    assertThat(resource.calls).hasValue(2);
  }

  @Test
  void twoGetMethodsOnOnePathEachServeTheirOwnType() {
    Response json = get("/report", "Accept", "application/json");
    assertThat(json.contentType()).startsWith("application/json");
    assertThat(json.asString()).isEqualTo("{\"report\":\"q3\"}");
    assertThat(vary(json)).contains("accept");
    Response text = get("/report", "Accept", "text/plain");
    assertThat(text.contentType()).startsWith("text/plain");
    assertThat(text.asString()).isEqualTo("report q3");
    assertThat(vary(text)).contains("accept");
    assertThat(get("/report", "Accept", "application/json").asString())
        .isEqualTo("{\"report\":\"q3\"}");
    assertThat(get("/report", "Accept", "text/plain").asString()).isEqualTo("report q3");
    assertThat(resource.calls).hasValue(2);
  }

  // Invented: a JSON client that also accepts text with a lower weight. Same media types,
  // other preferences: the key is the whole field, so it is its own variant.
  @Test
  void qualityValuesThatFlipThePreferenceAreADifferentVariant() {
    Response jsonFirst = get("/report", "Accept", "application/json, text/plain;q=0.1");
    assertThat(jsonFirst.asString()).isEqualTo("{\"report\":\"q3\"}");
    Response textFirst = get("/report", "Accept", "application/json;q=0.1, text/plain");
    assertThat(textFirst.contentType()).startsWith("text/plain");
    assertThat(textFirst.asString()).isEqualTo("report q3");
    assertThat(resource.calls).hasValue(2);
  }

  // Invented: a wildcard client first; Jersey answers it with the first @Produces type, and a
  // client that can only read text must still get text.
  @Test
  void aWildcardClientDoesNotFixTheTypeForOthers() {
    Response any = get("/book", "Accept", "*/*");
    assertThat(any.statusCode()).isEqualTo(200);
    Response text = get("/book", "Accept", "text/plain");
    assertThat(text.contentType()).startsWith("text/plain");
    assertThat(text.asString()).isEqualTo("Book: Dune");
    Response json = get("/book", "Accept", "application/json");
    assertThat(json.contentType()).startsWith("application/json");
    assertThat(json.asString()).isEqualTo("{\"title\":\"Dune\"}");
    assertThat(resource.calls).hasValue(3);
  }

  @Test
  void charsetParametersOfAcceptAreKeyed() {
    Response utf8 = get("/price", "Accept", "text/plain;charset=UTF-8");
    Response latin1 = get("/price", "Accept", "text/plain;charset=ISO-8859-1");
    assertThat(utf8.contentType()).containsIgnoringCase("charset=UTF-8");
    assertThat(utf8.asByteArray()).isEqualTo("5 €".getBytes(StandardCharsets.UTF_8));
    assertThat(vary(utf8)).contains("accept");
    assertThat(latin1.contentType()).containsIgnoringCase("charset=ISO-8859-1");
    // '€' has no ISO-8859-1 byte: Java writes '?'.
    assertThat(latin1.asByteArray()).isEqualTo("5 €".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(get("/price", "Accept", "text/plain;charset=UTF-8").asByteArray())
        .isEqualTo("5 €".getBytes(StandardCharsets.UTF_8));
    assertThat(resource.calls).hasValue(2);
  }

  @Test
  void selectVariantIsKeyedOnAcceptLanguage() {
    Response en = get("/greeting", "Accept-Language", "en");
    assertThat(en.asString()).isEqualTo("hello");
    assertThat(vary(en)).contains("accept-language");
    Response fr = get("/greeting", "Accept-Language", "fr");
    assertThat(fr.asString()).isEqualTo("bonjour");
    assertThat(fr.header("Content-Language")).isEqualTo("fr");
    assertThat(vary(fr)).contains("accept-language");
    Response enAgain = get("/greeting", "Accept-Language", "en");
    assertThat(enAgain.asString()).isEqualTo("hello");
    assertThat(cacheStatus(enAgain)).startsWith(HIT);
    assertThat(get("/greeting", "Accept-Language", "fr").asString()).isEqualTo("bonjour");
    assertThat(resource.calls).hasValue(2);
  }

  // Invented: a client without Accept-Language first, then one that asks for German.
  @Test
  void aClientWithoutAcceptLanguageDoesNotChooseTheLanguageOfOthers() {
    assertThat(server.request().get("/greeting").asString()).isEqualTo("hello");
    assertThat(get("/greeting", "Accept-Language", "de, en;q=0.5").asString()).isEqualTo("hallo");
    assertThat(resource.calls).hasValue(2);
  }

  // Invented: the resource sets its own Vary, so Jersey does not add Accept-Language to it;
  // the cache must still key a method that injects Request on the Accept-* headers.
  @Test
  void aResourceWithItsOwnVaryIsStillKeyedOnTheNegotiatedLanguage() {
    assertThat(get("/greeting-cors", "Accept-Language", "en").asString()).isEqualTo("hello");
    assertThat(get("/greeting-cors", "Accept-Language", "fr").asString()).isEqualTo("bonjour");
    assertThat(get("/greeting-cors", "Accept-Language", "de").asString()).isEqualTo("hallo");
    assertThat(get("/greeting-cors", "Accept-Language", "en").asString()).isEqualTo("hello");
    assertThat(resource.calls).hasValue(3);
  }

  // Invented: an application filter replaces the Vary Jersey set with its own.
  @Test
  void aFilterThatReplacesVaryDoesNotUnkeyTheNegotiatedLanguage() {
    assertThat(get("/greeting-filtered", "Accept-Language", "fr").asString()).isEqualTo("bonjour");
    assertThat(get("/greeting-filtered", "Accept-Language", "en").asString()).isEqualTo("hello");
    assertThat(get("/greeting-filtered", "Accept-Language", "fr").asString()).isEqualTo("bonjour");
    assertThat(resource.calls).hasValue(2);
  }

  @Test
  void selectVariantIsKeyedOnAcceptCharset() {
    Response utf8 = get("/menu", "Accept-Charset", "UTF-8");
    Response latin1 = get("/menu", "Accept-Charset", "ISO-8859-1");
    assertThat(new String(utf8.asByteArray(), StandardCharsets.UTF_8))
        .isEqualTo("crème brûlée in UTF-8");
    assertThat(vary(utf8)).contains("accept-charset");
    assertThat(new String(latin1.asByteArray(), StandardCharsets.ISO_8859_1))
        .isEqualTo("crème brûlée in ISO-8859-1");
    assertThat(latin1.contentType()).containsIgnoringCase("ISO-8859-1");
    assertThat(
            new String(
                get("/menu", "Accept-Charset", "UTF-8").asByteArray(), StandardCharsets.UTF_8))
        .isEqualTo("crème brûlée in UTF-8");
    assertThat(resource.calls).hasValue(2);
  }

  @Test
  void selectVariantIsKeyedOnAcceptEncoding() {
    // REST Assured's client adds its own codings to Accept-Encoding; both requests carry them.
    Response rot13 = get("/download", "Accept-Encoding", "x-rot13");
    Response identity = get("/download", "Accept-Encoding", "identity");
    assertThat(rot13.asString()).isEqualTo("frperg");
    assertThat(vary(rot13)).contains("accept-encoding");
    assertThat(identity.asString()).isEqualTo("secret");
    assertThat(get("/download", "Accept-Encoding", "x-rot13").asString()).isEqualTo("frperg");
    assertThat(resource.calls).hasValue(2);
  }
}
