package dev.restcache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restcache.ResponseCacheFeature;
import dev.restcache.TestEngines;
import dev.restcache.internal.http.CacheDirectives;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A lookup on a thread that must never wait reports a collapse instead of waiting for it. */
class LookupWithoutWaitingTest {
  private static final URI BOOK = URI.create("http://127.0.0.1/books/1");
  private static final Function<String, List<String>> NO_HEADERS = name -> null;

  private final CacheEngine engine =
      TestEngines.of(ResponseCacheFeature.withDefaults());

  private CacheEngine.Lookup lookupWithoutWaiting() {
    return engine.lookupWithoutWaiting(new CacheRequest(BOOK, NO_HEADERS, Credentials.NONE,
        CacheDirectives.NONE, Instant.now()), () -> CacheKeys.path(BOOK));
  }

  @Test
  void firstRequestLeadsTheFill() {
    assertThat(lookupWithoutWaiting()).isInstanceOfSatisfying(CacheEngine.Miss.class,
        miss -> assertThat(miss.fill()).isNotNull());
  }

  @Test
  void secondRequestWouldWaitForTheFirst() {
    CacheEngine.Miss first = (CacheEngine.Miss) lookupWithoutWaiting();
    assertThat(lookupWithoutWaiting()).isInstanceOf(CacheEngine.WouldWait.class);
    engine.finished(first.fill());
    assertThat(lookupWithoutWaiting()).isInstanceOf(CacheEngine.Miss.class);
  }

  @Test
  void wouldWaitChangesNothing() {
    CacheEngine.Miss first = (CacheEngine.Miss) lookupWithoutWaiting();
    long missesBefore = engine.stats().misses();
    lookupWithoutWaiting();
    assertThat(engine.stats().misses()).isEqualTo(missesBefore);
    assertThat(engine.stats().hits()).isZero();
    engine.finished(first.fill());
  }
}
