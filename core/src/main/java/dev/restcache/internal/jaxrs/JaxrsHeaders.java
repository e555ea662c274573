package dev.restcache.internal.jaxrs;

import dev.restcache.internal.Headers;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.RuntimeDelegate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Translates between the container's header maps and restcache's {@link Headers}. */
final class JaxrsHeaders {
  private JaxrsHeaders() {}

  /**
   * The response headers as strings, as the container would write them. A value that is null, or
   * that its header delegate writes as null, counts as sent with an empty value, as CXF sends it: a
   * filter's {@code Set-Cookie} with a null value still keeps the response out of the cache.
   */
  static Headers of(MultivaluedMap<String, Object> headers) {
    List<Headers.Field> fields = new ArrayList<>();
    for (Map.Entry<String, List<Object>> header : headers.entrySet()) {
      List<Object> values = header.getValue();
      if (values == null) {
        continue;
      }
      for (Object value : values) {
        String written = value == null ? null : asString(value);
        fields.add(new Headers.Field(header.getKey(), written == null ? "" : written));
      }
    }
    return Headers.of(fields);
  }

  /**
   * Puts {@code fields} on {@code headers}, each in place of the field of its name: the cache adds
   * a field only where the response has none, or one with an empty value, which a container would
   * otherwise join with the cache's into one malformed line.
   */
  static void add(MultivaluedMap<String, Object> headers, List<Headers.Field> fields) {
    fields.forEach(field -> headers.putSingle(field.name(), field.value()));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static String asString(Object value) {
    if (value instanceof String string) {
      return string;
    }
    try {
      RuntimeDelegate.HeaderDelegate delegate =
          RuntimeDelegate.getInstance().createHeaderDelegate(value.getClass());
      return delegate != null ? delegate.toString(value) : value.toString();
    } catch (IllegalArgumentException noDelegate) {
      return value.toString();
    }
  }
}
