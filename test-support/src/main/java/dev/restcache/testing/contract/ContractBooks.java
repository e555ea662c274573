package dev.restcache.testing.contract;

import dev.restcache.CacheControl;
import dev.restcache.Cached;
import dev.restcache.Invalidates;
import dev.restcache.NeverCache;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The contract's bookstore: one book per test, named by {@code id}. Every method counts its calls
 * in {@link Counters} under {@code <what>:<id>} and answers with that count, so that a test sees
 * both in the body and through the counters whether the resource ran.
 */
@Path("/contract/books/{id}")
public class ContractBooks {
  // Long enough for every collapsed request of a test to arrive on a runtime with fewer
  // workers than clients; the wait ends as soon as they have.
  private static final Duration ARRIVALS_BOUND = Duration.ofSeconds(5);
  // The application's own threads, which complete its asynchronous answers.
  private static final ExecutorService BACKGROUND =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "contract-books");
            thread.setDaemon(true);
            return thread;
          });

  /** The book, in one edition or another; tagged for its own tag and every book's. */
  @GET
  @Cached(tags = {"books", "book:{id}"})
  @Produces(MediaType.TEXT_PLAIN)
  public String book(@PathParam("id") String id, @QueryParam("edition") String edition) {
    return "book " + id + (edition == null ? "" : " edition " + edition) + " #" + count("book", id);
  }

  /** Its cover: another entry under the book's tag. */
  @GET
  @Path("cover")
  @Cached(tags = "book:{id}")
  @Produces(MediaType.TEXT_PLAIN)
  public String cover(@PathParam("id") String id) {
    return "cover " + id + " #" + count("cover", id);
  }

  /** Replaces the book: evicts its path, with every query string. */
  @PUT
  @Consumes(MediaType.TEXT_PLAIN)
  public void replace(@PathParam("id") String id, String title) {
    count("replace", id);
  }

  /** Adds a review: evicts every entry tagged with the book. */
  @POST
  @Path("reviews")
  @Consumes(MediaType.TEXT_PLAIN)
  @Invalidates(tags = "book:{id}")
  public void review(@PathParam("id") String id, String review) {
    count("review", id);
  }

  /** One method that produces two media types, chosen by {@code Accept}. */
  @GET
  @Path("formats")
  @Cached
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  public String formats(@PathParam("id") String id) {
    return "\"formats " + id + " #" + count("formats", id) + "\"";
  }

  /** The book's record as JSON; a method of its own beside {@link #recordText}. */
  @GET
  @Path("record")
  @Cached
  @Produces(MediaType.APPLICATION_JSON)
  public String recordJson(@PathParam("id") String id) {
    return "{\"book\":\"" + id + "\",\"call\":" + count("record", id) + "}";
  }

  /** The book's record as text, from another method on the same path. */
  @GET
  @Path("record")
  @Cached
  @Produces(MediaType.TEXT_PLAIN)
  public String recordText(@PathParam("id") String id) {
    return "record " + id + " #" + count("record", id);
  }

  /** A page any cache may share, also with requests that carry credentials. */
  @GET
  @Path("shared")
  @Cached
  @CacheControl(isPublic = true)
  @Produces(MediaType.TEXT_PLAIN)
  public String shared(@PathParam("id") String id) {
    return "shared " + id + " #" + count("shared", id);
  }

  /** A page whose clients are told how to keep it. */
  @GET
  @Path("directives")
  @Cached
  @CacheControl(maxAge = 30, mustRevalidate = true)
  @Produces(MediaType.TEXT_PLAIN)
  public String directives(@PathParam("id") String id) {
    return "directives " + id + " #" + count("directives", id);
  }

  /** A page no cache may keep. */
  @GET
  @Path("secret")
  @NeverCache
  @Produces(MediaType.TEXT_PLAIN)
  public String secret(@PathParam("id") String id) {
    return "secret " + id + " #" + count("secret", id);
  }

  /** Fails with an exception no mapper handles. */
  @GET
  @Path("broken")
  @Cached
  @Produces(MediaType.TEXT_PLAIN)
  public String broken(@PathParam("id") String id) {
    count("broken", id);
    throw new IllegalStateException("the contract's unmapped exception");
  }

  /** Answers, but a response filter of the application then fails. */
  @GET
  @Path("filtered")
  @Cached
  @FailsAfterResponse
  @Produces(MediaType.TEXT_PLAIN)
  public String filtered(@PathParam("id") String id) {
    return "filtered " + id + " #" + count("filtered", id);
  }

  /**
   * Answers once {@code clients} requests for the book have arrived (or a bound has passed), so
   * that concurrent requests find it running.
   */
  @GET
  @Path("slow")
  @Cached
  @CountsArrivals
  @Produces(MediaType.TEXT_PLAIN)
  public String slow(@PathParam("id") String id, @QueryParam("clients") int clients)
      throws InterruptedException {
    int calls = count("slow", id);
    Counters.awaitAtLeast("arrivals:" + id, clients, ARRIVALS_BOUND);
    return "slow " + id + " #" + calls;
  }

  /** As {@link #slow}, answered by a stage that another thread completes. */
  @GET
  @Path("later")
  @Cached
  @CountsArrivals
  @Produces(MediaType.TEXT_PLAIN)
  public CompletionStage<String> later(
      @PathParam("id") String id, @QueryParam("clients") int clients) {
    int calls = count("later", id);
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            Counters.awaitAtLeast("arrivals:" + id, clients, ARRIVALS_BOUND);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return "later " + id + " #" + calls;
        },
        BACKGROUND);
  }

  /** A retired book: a 404 that the resource itself says is fresh for a minute. */
  @GET
  @Path("retired")
  @Cached
  @Produces(MediaType.TEXT_PLAIN)
  public Response retired(@PathParam("id") String id) {
    return Response.status(404)
        .header("Cache-Control", "max-age=60")
        .entity("retired " + id + " #" + count("retired", id))
        .build();
  }

  /** A book that does not exist: {@link MissingBookMapper} answers. */
  @GET
  @Path("missing")
  @Cached
  @Produces(MediaType.TEXT_PLAIN)
  public String missing(@PathParam("id") String id) {
    count("missing", id);
    throw new MissingBookException(id);
  }

  private static int count(String what, String id) {
    return Counters.increment(what + ":" + id);
  }
}
