package dev.restcache.internal;

import dev.restcache.internal.http.EntityTag;
import dev.restcache.internal.http.HttpDates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Which headers a stored response keeps, and which ones the cache adds before storing it. */
public final class StorableHeaders {
  // RFC 9110 §7.6.1 hop-by-hop fields, plus fields the cache regenerates on every replay.
  private static final Set<String> NEVER_STORED =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-connection",
          "proxy-authenticate",
          "proxy-authorization",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "age",
          "cache-status",
          "content-length");
  private static final Set<String> BODY_FIELDS =
      Set.of("content-type", "content-encoding", "content-range");

  private StorableHeaders() {}

  /**
   * Whether {@code response} carries a validator the resource can confirm with a 304: an {@code
   * ETag} or {@code Last-Modified} with a value. A field a container holds with a null or empty
   * value validates nothing, and the cache must never send it back as a condition.
   */
  public static boolean hasValidator(Headers response) {
    return hasValue(response.first("ETag")) || hasValue(response.first("Last-Modified"));
  }

  private static boolean hasValue(String value) {
    return value != null && !value.isBlank();
  }

  /**
   * The fields to add to a response before it is stored (and sent): a {@code Date} when it has none
   * (RFC 9110 §6.6.1: a recipient with a clock adds one to what it caches) and, when {@code
   * generateETag}, a strong {@code ETag} from the body when it has no validator. Each takes the
   * place of any empty field of its name.
   */
  public static List<Headers.Field> additions(
      Headers response, Instant responseTime, byte[] body, boolean generateETag) {
    List<Headers.Field> added = new ArrayList<>(2);
    if (!hasValue(response.first("Date"))) {
      added.add(new Headers.Field("Date", HttpDates.format(responseTime)));
    }
    if (generateETag && !hasValidator(response)) {
      added.add(new Headers.Field("ETag", EntityTag.strongFromBody(body).toHeaderValue()));
    }
    return added;
  }

  /**
   * A stored response's fields updated by a 304 that validated it (RFC 9111 §3.2): each field the
   * 304 carries replaces the stored one, except those that describe the body it did not send; a 304
   * without {@code Date} is dated {@code responseTime}.
   */
  public static Headers updatedBy304(Headers stored, Headers notModified, Instant responseTime) {
    Headers update = forStorage(notModified).without(BODY_FIELDS);
    List<String> replaced = new ArrayList<>();
    update.fields().forEach(field -> replaced.add(field.name()));
    if (!update.contains("Date")) {
      replaced.add("Date");
    }
    List<Headers.Field> fields = new ArrayList<>(stored.without(replaced).fields());
    fields.addAll(update.fields());
    if (!update.contains("Date")) {
      fields.add(new Headers.Field("Date", HttpDates.format(responseTime)));
    }
    return Headers.of(fields);
  }

  /** The end-to-end fields of {@code response}: without hop-by-hop and regenerated ones. */
  public static Headers forStorage(Headers response) {
    return forStorage(response, response);
  }

  /**
   * The end-to-end fields of {@code stored}, a response as restcache keeps it, when {@code sent} is
   * that response as it goes out: without the hop-by-hop and regenerated fields, nor those named by
   * the {@code Connection} field of either (RFC 9111 §3.1). A response filter that runs after the
   * resource may name in {@code Connection} a field the resource set.
   */
  public static Headers forStorage(Headers stored, Headers sent) {
    List<String> dropped = new ArrayList<>(NEVER_STORED);
    addConnectionOptions(stored, dropped);
    addConnectionOptions(sent, dropped);
    return stored.without(dropped);
  }

  // RFC 9110 §7.6.1: Connection is a list of field names, case-insensitive.
  private static void addConnectionOptions(Headers headers, List<String> names) {
    for (String connection : headers.all("Connection")) {
      for (String name : connection.split(",")) {
        String trimmed = name.trim();
        if (!trimmed.isEmpty()) {
          names.add(trimmed.toLowerCase(Locale.ROOT));
        }
      }
    }
  }
}
