package dev.restcache.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.restcache.testing.contract.ContractClient.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviours a user of restcache relies on, whatever Jakarta REST runtime serves the
 * application: written once, run by a subclass per runtime that starts the contract application
 * ({@link ContractApplication}) and says where it listens. The suite only speaks HTTP to it, and
 * reads how often the resources ran from the application's counters, so the application may run in
 * this JVM, in another class loader or in another process.
 *
 * <p>One application serves every test of a subclass; each test works on books of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RuntimeContract {
  private static final String CACHE_STATUS = "Cache-Status";
  private static final String STORED = "restcache; fwd=uri-miss; stored";
  private static final String HIT = "restcache; hit";
  private static final String JSON = "application/json";
  private static final String TEXT = "text/plain";
  private static final int CLIENTS = 20;

  /** Far below the collapse timeout: a request held by a fill left behind would exceed it. */
  private static final Duration NEXT_REQUEST_BOUND = Duration.ofSeconds(10);

  // Books of this run only, should an application's counters outlive one subclass.
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final AtomicInteger BOOKS = new AtomicInteger();

  private ContractServer server;
  private ContractClient client;
  private List<String> startupWarnings;

  /**
   * Starts {@code application} on 127.0.0.1, on a free port: its feature registered, its classes
   * and singletons as resources and providers.
   */
  protected abstract ContractServer start(ContractApplication application) throws Exception;

  /**
   * The ways this runtime hands the application the cache's handle: {@code @Context} and {@code
   * feature.cache()} by default; a runtime where CDI runs adds {@link HandleInjection#CDI}.
   */
  protected Set<HandleInjection> handleInjections() {
    return EnumSet.of(HandleInjection.CONTEXT, HandleInjection.FEATURE);
  }

  /**
   * Whether the runtime tells restcache that the resource method ran and returned (Jersey's request
   * events, RESTEasy's post-invocation hook): only then may an error the resource made fresh itself
   * be stored. Where it cannot tell, no error is ever stored.
   */
  protected boolean tellsWhetherTheResourceReturned() {
    return true;
  }

  @BeforeAll
  final void startApplication() throws Exception {
    try (StartupLog log = StartupLog.capture()) {
      server = start(ContractApplication.of(handleInjections()));
      client = new ContractClient(server.baseUri());
      // A runtime that deploys on the first request configures restcache only then.
      client.counter("startup");
      startupWarnings =
          Stream.concat(server.startupWarnings().stream(), log.warnings().stream()).toList();
    }
  }

  @AfterAll
  final void stopApplication() {
    if (server != null) {
      server.close();
    }
  }

  private static String newBook() {
    return "b" + BOOKS.incrementAndGet() + "-" + RUN;
  }

  private static String book(String id) {
    return "/contract/books/" + id;
  }

  @Test
  void startsWithoutAWarningFromRestcache() {
    assertThat(startupWarnings).isEmpty();
  }

  @Test
  void aRepeatedGetIsAHitWithAnAge() {
    String id = newBook();
    Answer first = client.fetch(book(id));
    Answer second = client.fetch(book(id));

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body()).isEqualTo("book " + id + " #1");
    assertThat(first.header(CACHE_STATUS)).isEqualTo(STORED);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(second.header(CACHE_STATUS)).startsWith(HIT);
    assertThat(second.header("Age")).matches("\\d+");
    assertThat(second.header("Content-Type")).startsWith("text/plain");
    assertThat(client.counter("book:" + id)).isEqualTo(1);
  }

  @Test
  void aHeadIsAnsweredFromTheGetEntryWithoutABody() {
    String id = newBook();
    client.fetch(book(id));
    Answer head = client.send(client.call("HEAD", book(id)));

    assertThat(head.status()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.header(CACHE_STATUS)).startsWith(HIT);
    assertThat(head.header("Content-Type")).startsWith("text/plain");
    assertThat(client.counter("book:" + id)).isEqualTo(1);
  }

  @Test
  void aWriteEvictsItsPathWithEveryQueryString() {
    String id = newBook();
    String other = newBook();
    client.fetch(book(id));
    client.fetch(book(id) + "?edition=2");
    client.fetch(book(other));

    Answer replaced = client.send(client.call("PUT", book(id)).body("a new title"));

    assertThat(replaced.status()).isEqualTo(204);
    assertThat(client.fetch(book(id)).body()).isEqualTo("book " + id + " #3");
    assertThat(client.fetch(book(id) + "?edition=2").body())
        .isEqualTo("book " + id + " edition 2 #4");
    Answer untouched = client.fetch(book(other));
    assertThat(untouched.header(CACHE_STATUS)).startsWith(HIT);
    assertThat(untouched.body()).isEqualTo("book " + other + " #1");
    assertThat(client.counter("book:" + id)).isEqualTo(4);
    assertThat(client.counter("replace:" + id)).isEqualTo(1);
  }

  @Test
  void invalidatesEvictsEveryEntryOfItsTagsAndNoOther() {
    String id = newBook();
    String other = newBook();
    client.fetch(book(id));
    client.fetch(book(id) + "/cover");
    client.fetch(book(other));

    Answer reviewed = client.send(client.call("POST", book(id) + "/reviews").body("five stars"));

    assertThat(reviewed.status()).isEqualTo(204);
    assertThat(client.fetch(book(id)).body()).isEqualTo("book " + id + " #2");
    assertThat(client.fetch(book(id) + "/cover").body()).isEqualTo("cover " + id + " #2");
    assertThat(client.fetch(book(other)).header(CACHE_STATUS)).startsWith(HIT);
    assertThat(client.counter("review:" + id)).isEqualTo(1);
  }

  @TestFactory
  Stream<DynamicTest> theHandleEvictsWhicheverWayItIsInjected() {
    return handleInjections().stream()
        .map(
            way ->
                dynamicTest(
                    way.name(),
                    () -> {
                      String id = newBook();
                      client.fetch(book(id));

                      Answer evicted =
                          client.send(client.call("POST", way.invalidationPath("book:" + id)));

                      assertThat(evicted.status()).isEqualTo(204);
                      Answer after = client.fetch(book(id));
                      assertThat(after.body()).isEqualTo("book " + id + " #2");
                      assertThat(after.header(CACHE_STATUS)).isEqualTo(STORED);
                    }));
  }

  @Test
  void aConditionalRequestForAStoredEntryIsAnswered304WithoutTheResource() {
    String id = newBook();
    Answer first = client.fetch(book(id));
    String etag = first.header("ETag");
    assertThat(etag).isNotBlank();

    Answer conditional = client.send(client.get(book(id)).header("If-None-Match", etag));

    assertThat(conditional.status()).isEqualTo(304);
    assertThat(conditional.body()).isEmpty();
    assertThat(conditional.header("ETag")).isEqualTo(etag);
    assertThat(conditional.header(CACHE_STATUS)).startsWith(HIT);
    assertThat(client.counter("book:" + id)).isEqualTo(1);
  }

  @Test
  void eachMediaTypeOfAMethodThatProducesTwoHasItsOwnEntry() {
    String id = newBook();
    AcceptedTwice answers = acceptedTwice(book(id) + "/formats");

    assertThat(answers.json().header("Content-Type")).startsWith(JSON);
    assertThat(answers.text().header("Content-Type")).startsWith(TEXT);
    answers.assertHitsOfTheirOwnType();
    assertThat(client.counter("formats:" + id)).isEqualTo(2);
  }

  @Test
  void twoMethodsOnOnePathChosenByAcceptKeepTheirOwnEntries() {
    String id = newBook();
    AcceptedTwice answers = acceptedTwice(book(id) + "/record");

    assertThat(answers.json().body()).isEqualTo("{\"book\":\"" + id + "\",\"call\":1}");
    assertThat(answers.text().body()).isEqualTo("record " + id + " #2");
    answers.assertHitsOfTheirOwnType();
    assertThat(client.counter("record:" + id)).isEqualTo(2);
  }

  private AcceptedTwice acceptedTwice(String path) {
    List<Answer> answers =
        Stream.of(JSON, TEXT, JSON, TEXT)
            .map(type -> client.send(client.get(path).header("Accept", type)))
            .toList();
    return new AcceptedTwice(answers.get(0), answers.get(1), answers.get(2), answers.get(3));
  }

  /** A path asked for JSON, then text, then each once more. */
  private record AcceptedTwice(Answer json, Answer text, Answer jsonAgain, Answer textAgain) {
    void assertHitsOfTheirOwnType() {
      assertThat(jsonAgain.header("Content-Type")).startsWith(JSON);
      assertThat(jsonAgain.body()).isEqualTo(json.body());
      assertThat(jsonAgain.header(CACHE_STATUS)).startsWith(HIT);
      assertThat(textAgain.header("Content-Type")).startsWith(TEXT);
      assertThat(textAgain.body()).isEqualTo(text.body());
      assertThat(textAgain.header(CACHE_STATUS)).startsWith(HIT);
    }
  }

  @Test
  void aRequestWithAuthorizationNeitherGetsNorLeavesAnEntryThatIsNotPublic() {
    String id = newBook();
    client.fetch(book(id));

    Answer alice = client.send(client.get(book(id)).header("Authorization", "Bearer alice"));
    Answer bob = client.send(client.get(book(id)).header("Authorization", "Bearer bob"));
    Answer anonymous = client.fetch(book(id));

    assertThat(alice.body()).isEqualTo("book " + id + " #2");
    assertThat(alice.header(CACHE_STATUS)).doesNotStartWith(HIT);
    assertThat(bob.body()).isEqualTo("book " + id + " #3");
    assertThat(anonymous.body()).isEqualTo("book " + id + " #1");
    assertThat(anonymous.header(CACHE_STATUS)).startsWith(HIT);
  }

  @Test
  void aPublicEntryAnswersRequestsWithCredentials() {
    String id = newBook();
    String path = book(id) + "/shared";
    client.fetch(path);

    Answer authorized = client.send(client.get(path).header("Authorization", "Bearer alice"));
    Answer withSession = client.send(client.get(path).header("Cookie", "session=alice"));

    assertThat(authorized.body()).isEqualTo("shared " + id + " #1");
    assertThat(authorized.header(CACHE_STATUS)).startsWith(HIT);
    assertThat(withSession.body()).isEqualTo("shared " + id + " #1");
    assertThat(client.counter("shared:" + id)).isEqualTo(1);
  }

  @Test
  void anIdentifyingCookieGoesToTheResourceWhileAnAnonymousOneIsServed() {
    String id = newBook();
    client.fetch(book(id));

    Answer session = client.send(client.get(book(id)).header("Cookie", "session=alice"));
    Answer language =
        client.send(
            client.get(book(id)).header("Cookie", ContractApplication.ANONYMOUS_COOKIE + "=en"));

    assertThat(session.body()).isEqualTo("book " + id + " #2");
    assertThat(session.header(CACHE_STATUS)).doesNotStartWith(HIT);
    assertThat(language.body()).isEqualTo("book " + id + " #1");
    assertThat(language.header(CACHE_STATUS)).startsWith(HIT);
  }

  @Test
  void emptyHeaderValuesAreTakenAsAbsent() {
    String id = newBook();
    Answer first = client.send(withEmptyHeaders(client.get(book(id))));
    Answer second = client.send(withEmptyHeaders(client.get(book(id))));

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.header(CACHE_STATUS)).isEqualTo(STORED);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.body()).isEqualTo("book " + id + " #1");
    assertThat(second.header(CACHE_STATUS)).startsWith(HIT);
  }

  private static ContractClient.Call withEmptyHeaders(ContractClient.Call call) {
    return call.header("Accept-Language", "")
        .header("Cache-Control", "")
        .header("If-None-Match", "")
        .header("Cookie", "")
        .header("X-Request-Id", "");
  }

  @Test
  void cacheControlAddsItsDirectivesToTheMissAndToTheHit() {
    String id = newBook();
    Answer miss = client.fetch(book(id) + "/directives");
    Answer hit = client.fetch(book(id) + "/directives");

    assertThat(miss.header("Cache-Control")).contains("max-age=30").contains("must-revalidate");
    assertThat(hit.header("Cache-Control")).contains("max-age=30").contains("must-revalidate");
    assertThat(hit.header(CACHE_STATUS)).startsWith(HIT);
    assertThat(client.counter("directives:" + id)).isEqualTo(1);
  }

  @Test
  void neverCacheForbidsEveryCacheAndRunsTheResourceEachTime() {
    String id = newBook();
    Answer first = client.fetch(book(id) + "/secret");
    Answer second = client.fetch(book(id) + "/secret");

    for (Answer answer : List.of(first, second)) {
      assertThat(answer.header("Cache-Control"))
          .contains("no-store")
          .contains("no-cache")
          .contains("private")
          .contains("max-age=0")
          .contains("must-revalidate");
      assertThat(answer.header("Expires")).isNotBlank();
    }
    assertThat(second.body()).isEqualTo("secret " + id + " #2");
  }

  // The book's resource at path, asked by CLIENTS clients at once.
  private List<Answer> concurrently(String id, String path) {
    String target = book(id) + path + "?clients=" + CLIENTS;
    List<CompletableFuture<Answer>> pending = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      pending.add(client.sendAsync(client.get(target)));
    }
    return pending.stream().map(CompletableFuture::join).toList();
  }

  @Test
  void twentyConcurrentColdRequestsRunTheResourceOnce() {
    String id = newBook();
    List<Answer> answers = concurrently(id, "/slow");

    assertThat(answers)
        .allSatisfy(
            answer -> {
              assertThat(answer.status()).isEqualTo(200);
              assertThat(answer.body()).isEqualTo("slow " + id + " #1");
            });
    assertThat(answers)
        .extracting(answer -> answer.header(CACHE_STATUS))
        .contains(STORED)
        .anyMatch(status -> status.startsWith(HIT) && status.endsWith("; collapsed"));
    assertThat(client.counter("slow:" + id)).isEqualTo(1);
  }

  @Test
  void twentyConcurrentColdRequestsRunAnAsynchronousResourceOnce() {
    String id = newBook();
    List<Answer> answers = concurrently(id, "/later");

    assertThat(answers)
        .allSatisfy(
            answer -> {
              assertThat(answer.status()).isEqualTo(200);
              assertThat(answer.body()).isEqualTo("later " + id + " #1");
            });
    assertThat(client.counter("later:" + id)).isEqualTo(1);
  }

  @Test
  void anErrorTheResourceMadeFreshItselfIsStoredWhereTheRuntimeTellsThatItRan() {
    String id = newBook();
    Answer first = client.fetch(book(id) + "/retired");
    Answer second = client.fetch(book(id) + "/retired");

    assertThat(first.status()).isEqualTo(404);
    assertThat(second.status()).isEqualTo(404);
    assertThat(client.counter("retired:" + id))
        .isEqualTo(tellsWhetherTheResourceReturned() ? 1 : 2);
  }

  @Test
  void anErrorAnExceptionMapperMadeFreshIsNeverStored() {
    String id = newBook();
    Answer first = client.fetch(book(id) + "/missing");
    Answer second = client.fetch(book(id) + "/missing");

    assertThat(first.status()).isEqualTo(404);
    assertThat(first.header("Cache-Control")).contains("max-age=60");
    assertThat(second.status()).isEqualTo(404);
    assertThat(second.header(CACHE_STATUS)).doesNotStartWith(HIT);
    assertThat(client.counter("missing:" + id)).isEqualTo(2);
  }

  @Test
  void anUnmappedExceptionHoldsNoLaterRequest() {
    assertFailureHoldsNoLaterRequest("broken");
  }

  @Test
  void aResponseFilterThatThrowsHoldsNoLaterRequest() {
    assertFailureHoldsNoLaterRequest("filtered");
  }

  // The book's resource `what` fails (500); the next request for it is answered within a bound
  // far below the collapse timeout, by the resource again.
  private void assertFailureHoldsNoLaterRequest(String what) {
    String id = newBook();
    String path = book(id) + "/" + what;
    assertThat(client.fetch(path).status()).isEqualTo(500);

    Answer next = client.send(client.get(path).within(NEXT_REQUEST_BOUND));

    assertThat(next.status()).isEqualTo(500);
    assertThat(client.counter(what + ":" + id)).isEqualTo(2);
  }
}
