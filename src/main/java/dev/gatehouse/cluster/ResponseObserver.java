package dev.gatehouse.cluster;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sees every response of one session's client (HTTP requests and watch upgrades alike, as a fabric8
 * {@link Interceptor}) and tells the session what fabric8 would keep to itself:
 * <ul>
 *   <li>429 Too Many Requests: the API server's {@code Retry-After} (seconds, or an HTTP date read against
 *   the response's own {@code Date}). A delay up to {@code inlineWait} is waited (without blocking a thread)
 *   and the request sent again once; a longer one ends the request with the 429, and the session asks again
 *   after the delay. fabric8 8.0 reads Retry-After but schedules its retry with its own backoff interval,
 *   and the session turns fabric8's retries off (it fails fast and reports), so this is where it is honoured.</li>
 *   <li>401 or 403 answering a watch: fabric8's watch manager re-opens an informer's watch by itself and
 *   only logs a rejected re-open, so a token that expired or a revoked Role would stay unnoticed until the
 *   next listing.</li>
 * </ul>
 * Only status codes, header values used as numbers or dates, and the resource name of the URL are read:
 * never a body or a credential.
 */
final class ResponseObserver implements Interceptor {

    /** What the session learns. Called on fabric8's threads; quick. */
    interface Listener {
        void throttled(Duration retryAfter);

        void answered();

        void watchRejected(String plural, int code);

        void watchAccepted(String plural);
    }

    /** Used when a 429 carries no usable Retry-After. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    /** A Retry-After beyond this is read as this (a broken or hostile header must not park the session for days). */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

    private final Duration inlineWait;
    private final Listener listener;

    /** @param inlineWait the longest Retry-After waited inside one request (keep it within the request timeout) */
    ResponseObserver(Duration inlineWait, Listener listener) {
        this.inlineWait = inlineWait;
        this.listener = listener;
    }

    @Override
    public void after(HttpRequest request, HttpResponse<?> response, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
        if (response == null) {
            return;
        }
        int code = response.code();
        URI uri = request == null ? null : request.uri();
        if (code == 429) {
            listener.throttled(retryAfter(response));
            return;
        }
        if (isWatch(uri)) {
            if (code == 401 || code == 403) {
                listener.watchRejected(plural(uri), code);
            } else if (code == 101 || code >= 200 && code < 300) {
                listener.watchAccepted(plural(uri));
            }
        }
        if (code < 400) {
            listener.answered();
        }
    }

    @Override
    public CompletableFuture<Boolean> afterFailure(BasicBuilder builder, HttpResponse<?> response, RequestTags tags) {
        if (response == null || response.code() != 429) {
            return CompletableFuture.completedFuture(false);
        }
        Duration wait = retryAfter(response);
        if (wait.compareTo(inlineWait) > 0) {
            return CompletableFuture.completedFuture(false);
        }
        return CompletableFuture.supplyAsync(() -> true,
                CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** The delay a 429 asks for: {@code Retry-After} as seconds or as an HTTP date (against the response's Date). */
    static Duration retryAfter(HttpResponse<?> response) {
        return retryAfter(response.header("Retry-After"), response.header("Date"));
    }

    static Duration retryAfter(String retryAfter, String date) {
        if (retryAfter == null || retryAfter.isBlank()) {
            return DEFAULT_RETRY_AFTER;
        }
        String v = retryAfter.trim();
        Duration d;
        if (v.chars().allMatch(Character::isDigit)) {
            d = v.length() > 6 ? MAX_RETRY_AFTER : Duration.ofSeconds(Long.parseLong(v));
        } else {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                if (date == null) {
                    return DEFAULT_RETRY_AFTER; // no server time to measure the date against
                }
                ZonedDateTime now = ZonedDateTime.parse(date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                d = Duration.between(now, at);
            } catch (DateTimeParseException e) {
                return DEFAULT_RETRY_AFTER;
            }
        }
        if (d.isNegative()) {
            return Duration.ZERO;
        }
        return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
    }

    private static boolean isWatch(URI uri) {
        String q = uri == null ? null : uri.getRawQuery();
        return q != null && ("&" + q + "&").contains("&watch=true&");
    }

    /** "secrets" from {@code /api/v1/namespaces/shop/secrets?watch=true…}. */
    static String plural(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
