package dev.restcache.demo;

import dev.restcache.CacheControl;
import dev.restcache.CacheStats;
import dev.restcache.Cached;
import dev.restcache.Invalidates;
import dev.restcache.NeverCache;
import dev.restcache.ResponseCache;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** The demo's bookstore API: cached reads, evicting writes, and an uncached stats page. */
@Path("/books")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BooksResource {
  private final BookRepository repository;

  @Context private ResponseCache cache;

  /** The resource over {@code repository}. */
  public BooksResource(BookRepository repository) {
    this.repository = repository;
  }

  /** Every book, or those by one author; fresh for two minutes. */
  @GET
  @Cached(ttl = 120, tags = "books")
  public List<Book> list(@QueryParam("author") String author) {
    List<Book> all = repository.all();
    return author == null ? all : all.stream().filter(b -> b.author().equals(author)).toList();
  }

  /** One book; clients may keep it 30 s, restcache keeps it as long. */
  @GET
  @Path("{id}")
  @Cached(tags = {"books", "book:{id}"})
  @CacheControl(maxAge = 30, mustRevalidate = true)
  public Book get(@PathParam("id") long id) {
    return repository.find(id).orElseThrow(NotFoundException::new);
  }

  /** Adds a book; evicts the list (its own path) and every entry with the tag "books". */
  @POST
  @Invalidates(tags = "books")
  public Response create(Book book, @Context UriInfo uriInfo) {
    Book created = repository.add(book);
    return Response.created(uriInfo.getAbsolutePathBuilder().path("{id}").build(created.id()))
        .entity(created)
        .build();
  }

  /** Replaces a book; evicts {@code /books/{id}} and the lists. */
  @PUT
  @Path("{id}")
  @Invalidates(tags = "books", paths = "/books")
  public Book update(@PathParam("id") long id, Book book) {
    if (!repository.replace(id, book)) {
      throw new NotFoundException();
    }
    return book.withId(id);
  }

  /** Removes a book; evicts {@code /books/{id}} and the lists. */
  @DELETE
  @Path("{id}")
  @Invalidates(tags = "books", paths = "/books")
  public void delete(@PathParam("id") long id) {
    if (!repository.remove(id)) {
      throw new NotFoundException();
    }
  }

  /** The cache's counters; never cached. */
  @GET
  @Path("cache-stats")
  @NeverCache
  public CacheStats stats() {
    return cache.stats();
  }
}
