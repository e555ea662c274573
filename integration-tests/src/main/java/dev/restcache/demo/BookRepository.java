package dev.restcache.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo's "database": a map that takes {@code latency} to answer each read, so the effect of the
 * cache is visible in a terminal.
 */
public final class BookRepository {
  private final Map<Long, Book> books = new ConcurrentSkipListMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final Duration latency;

  /** A repository whose reads take {@code latency}. */
  public BookRepository(Duration latency) {
    this.latency = latency;
  }

  /** A repository with a few classics and the given read latency. */
  public static BookRepository withSampleBooks(Duration latency) {
    BookRepository repository = new BookRepository(latency);
    repository.add(new Book(0, "The Left Hand of Darkness", "Ursula K. Le Guin", 1969));
    repository.add(new Book(0, "A Wizard of Earthsea", "Ursula K. Le Guin", 1968));
    repository.add(new Book(0, "Invisible Cities", "Italo Calvino", 1972));
    repository.add(new Book(0, "Kindred", "Octavia E. Butler", 1979));
    return repository;
  }

  /** Every book, in id order. */
  public List<Book> all() {
    pause();
    return List.copyOf(books.values());
  }

  /** One book. */
  public Optional<Book> find(long id) {
    pause();
    return Optional.ofNullable(books.get(id));
  }

  /** Adds a book under a new id. */
  public Book add(Book book) {
    Book stored = book.withId(ids.incrementAndGet());
    books.put(stored.id(), stored);
    return stored;
  }

  /** Replaces a book; false when there is none with that id. */
  public boolean replace(long id, Book book) {
    return books.replace(id, book.withId(id)) != null;
  }

  /** Removes a book; false when there is none with that id. */
  public boolean remove(long id) {
    return books.remove(id) != null;
  }

  private void pause() {
    if (latency.isZero()) {
      return;
    }
    try {
      Thread.sleep(latency.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
