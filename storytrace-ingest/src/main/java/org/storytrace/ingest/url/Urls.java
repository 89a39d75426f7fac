package org.storytrace.ingest.url;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** URL helpers: canonical form (tracking parameters and fragments dropped), host as outlet, dates in paths. */
public final class Urls {
    private static final Pattern TRACKING = Pattern.compile("(?i)^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|yclid|"
            + "igshid|ref|ref_src|cmpid|icid|ocid|smid|share|s_cid)$");
    private static final Pattern PATH_DATE = Pattern.compile("/((?:19|20)\\d{2})/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\\d|3[01])(?:/|$)");

    private Urls() {}

    /** The canonical form of {@code url}, or null when it is not an absolute http(s) URL. */
    public static String canonical(String url) {
        if (url == null) return null;
        try {
            URI u = new URI(url.strip());
            if (u.getScheme() == null || u.getHost() == null || !u.getScheme().toLowerCase(Locale.ROOT).startsWith("http")) return null;
            String q = u.getRawQuery();
            StringBuilder kept = new StringBuilder();
            if (q != null) {
                for (String part : q.split("&")) {
                    String key = part.contains("=") ? part.substring(0, part.indexOf('=')) : part;
                    if (part.isEmpty() || TRACKING.matcher(key).matches()) continue;
                    if (kept.length() > 0) kept.append('&');
                    kept.append(part);
                }
            }
            int port = u.getPort();
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path + (kept.length() == 0 ? ""
                    : "?" + kept);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The host without "www.", as an outlet name of last resort. */
    public static String host(String url) {
        try {
            String h = url == null ? null : new URI(url.strip()).getHost();
            if (h == null) return null;
            h = h.toLowerCase(Locale.ROOT);
            return h.startsWith("www.") ? h.substring(4) : h;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** A date written into the URL's path ({@code /2020/08/24/}), or null. */
    public static LocalDate pathDate(String url) {
        if (url == null) return null;
        Matcher m = PATH_DATE.matcher(url);
        if (!m.find()) return null;
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
