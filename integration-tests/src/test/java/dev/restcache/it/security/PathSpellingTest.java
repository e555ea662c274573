package dev.restcache.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.Cached;
import dev.restcache.Invalidates;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.it.support.Apps;
import dev.restcache.it.support.RunningServer;
import io.restassured.response.Response;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Family 10, a write evicts every spelling: the spellings of a typed path parameter that JAX-RS
 * converts to one value ({@code /items/1}, {@code /items/01}, {@code /items/+1} for a {@code long};
 * upper and lower case for a {@code UUID}) name one resource, so a successful write through any of
 * them evicts what was cached through all of them, and no reader is left with the state from before
 * the write. {@code @Invalidates} tags keep working alongside.
 */
class PathSpellingTest {
  private static final String HIT = "restcache; hit";
  private static final String ID = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

  private final Items items = new Items();
  private final Things things = new Things();
  private final ResponseCacheFeature feature = ResponseCacheFeature.withDefaults();
  @RegisterExtension final RunningServer server = new RunningServer();

  @Path("/items")
  public static class Items {
    final AtomicInteger calls = new AtomicInteger();
    final Map<Long, String> colours = new ConcurrentHashMap<>();

    @GET
    @Path("{id}")
    @Cached(tags = "item:{id}")
    public String get(@PathParam("id") long id) {
      calls.incrementAndGet();
      return "item " + id + " is " + colours.getOrDefault(id, "green");
    }

    @PUT
    @Path("{itemId}")
    @Invalidates(tags = "catalogue")
    public void put(@PathParam("itemId") long itemId, String colour) {
      colours.put(itemId, colour);
    }

    @DELETE
    @Path("{id}")
    public void delete(@PathParam("id") long id) {
      colours.put(id, "gone");
    }
  }

  @Path("/")
  public static class Things {
    final AtomicInteger calls = new AtomicInteger();
    final Map<UUID, String> names = new ConcurrentHashMap<>();

    @GET
    @Path("things/{id}")
    @Cached
    public String get(@PathParam("id") UUID id) {
      calls.incrementAndGet();
      return "thing " + id + " is " + names.getOrDefault(id, "old");
    }

    @PUT
    @Path("things/{thingId}")
    public void put(@PathParam("thingId") UUID thingId, String name) {
      names.put(thingId, name);
    }

    @GET
    @Path("catalogue")
    @Cached(tags = "catalogue")
    public String catalogue() {
      calls.incrementAndGet();
      return "catalogue #" + calls.get();
    }
  }

  @BeforeEach
  void start() {
    server.start(Apps.of(feature, items, things));
  }

  private String get(String path) {
    return server.request().get(path).then().statusCode(200).extract().asString();
  }

  private void put(String path, String body) {
    server.request().contentType("text/plain").body(body).put(path).then().statusCode(204);
  }

  @Test
  void aWriteThroughAnOddSpellingEvictsEverySpelling() {
    for (String path : new String[] {"/items/1", "/items/01", "/items/+1"}) {
      assertThat(get(path)).isEqualTo("item 1 is green");
    }
    int before = items.calls.get();
    put("/items/+1", "red");
    for (String path : new String[] {"/items/1", "/items/01", "/items/+1"}) {
      Response response = server.request().get(path);
      assertThat(response.asString()).as(path).isEqualTo("item 1 is red");
      assertThat(response.header("Cache-Status")).as(path).doesNotStartWith(HIT);
    }
    assertThat(items.calls.get()).isGreaterThan(before);
  }

  @Test
  void aWriteThroughTheCanonicalSpellingEvictsTheOddOnes() {
    get("/items/01");
    get("/items/+1");
    get("/items/001?view=full");
    put("/items/1", "blue");
    assertThat(get("/items/01")).isEqualTo("item 1 is blue");
    assertThat(get("/items/+1")).isEqualTo("item 1 is blue");
    assertThat(get("/items/001?view=full")).isEqualTo("item 1 is blue");
  }

  // Invented: a DELETE, and a spelling with more leading zeros than any cached one.
  @Test
  void aDeleteThroughLeadingZerosEvictsThePlainSpelling() {
    get("/items/7");
    get("/items/+07");
    server.request().delete("/items/0007").then().statusCode(204);
    assertThat(get("/items/7")).isEqualTo("item 7 is gone");
    assertThat(get("/items/+07")).isEqualTo("item 7 is gone");
  }

  // Invented: "-0" is zero for Long.valueOf.
  @Test
  void negativeZeroIsZero() {
    get("/items/0");
    put("/items/-0", "black");
    assertThat(get("/items/0")).isEqualTo("item 0 is black");
  }

  // Invented: a percent-encoded plus sign is decoded by JAX-RS before the conversion.
  @Test
  void aPercentEncodedSignIsAnotherSpellingOfTheSameItem() {
    get("/items/1");
    get("/items/%2B1");
    put("/items/%2B1", "white");
    assertThat(get("/items/1")).isEqualTo("item 1 is white");
    assertThat(get("/items/%2B1")).isEqualTo("item 1 is white");
  }

  @Test
  void uuidsInEitherCaseAreOneResource() {
    String upper = "/things/" + ID.toUpperCase(Locale.ROOT);
    String lower = "/things/" + ID;
    assertThat(get(upper)).isEqualTo("thing " + ID + " is old");
    assertThat(get(lower)).isEqualTo("thing " + ID + " is old");
    put(lower, "new");
    assertThat(get(upper)).isEqualTo("thing " + ID + " is new");
    assertThat(get(lower)).isEqualTo("thing " + ID + " is new");
    put(upper, "newer");
    assertThat(get(lower)).isEqualTo("thing " + ID + " is newer");
    assertThat(get(upper)).isEqualTo("thing " + ID + " is newer");
  }

  // Invented: UUID.fromString accepts components without their leading zeros.
  @Test
  void aShortUuidSpellingIsTheSameResource() {
    String shortForm = "/things/1-1-1-1-1";
    String full = "/things/00000001-0001-0001-0001-000000000001";
    assertThat(get(full)).endsWith(" is old");
    assertThat(get(shortForm)).endsWith(" is old");
    put(shortForm, "renamed");
    assertThat(get(full)).isEqualTo("thing 00000001-0001-0001-0001-000000000001 is renamed");
  }

  @Test
  void invalidatesTagsStillEvictAndOtherItemsStayCached() {
    assertThat(get("/catalogue")).isEqualTo("catalogue #1");
    get("/items/1");
    get("/items/10");
    get("/items/2");
    put("/items/+1", "red");
    // The tag @Invalidates names on the PUT still evicts.
    assertThat(get("/catalogue")).isEqualTo("catalogue #2");
    // Other items, including one whose spelling starts like the written one, are not
    // evicted and not merged with it.
    Response ten = server.request().get("/items/10");
    assertThat(ten.asString()).isEqualTo("item 10 is green");
    assertThat(ten.header("Cache-Status")).startsWith(HIT);
    Response two = server.request().get("/items/2");
    assertThat(two.asString()).isEqualTo("item 2 is green");
    assertThat(two.header("Cache-Status")).startsWith(HIT);
    assertThat(get("/items/1")).isEqualTo("item 1 is red");
  }

  @Test
  void aTagEvictionStillWorksAfterSpellingsWereCached() {
    get("/items/01");
    get("/items/1");
    server
        .request()
        .get("/items/1")
        .then()
        .header("Cache-Status", org.hamcrest.Matchers.startsWith(HIT));
    items.colours.put(1L, "yellow");
    feature.cache().invalidateTags("item:1");
    assertThat(get("/items/1")).isEqualTo("item 1 is yellow");
  }
}
