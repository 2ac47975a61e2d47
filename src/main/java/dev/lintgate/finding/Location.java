package dev.lintgate.finding;

/** A place in a project file; {@code path} is relative to the project root and always uses {@code /}. */
public record Location(String path, Region region) implements Comparable<Location> {
    /** This place with its path below {@code prefix}, a directory ending in {@code /}. */
    public Location under(String prefix) {
        return new Location(prefix + path, region);
    }

    @Override
    public int compareTo(Location o) {
        int c = path.compareTo(o.path);
        if (c != 0) return c;
        c = Integer.compare(region.startLine(), o.region.startLine());
        if (c != 0) return c;
        return Integer.compare(region.startColumn(), o.region.startColumn());
    }

    @Override
    public String toString() {
        return path + ":" + region.startLine() + ":" + region.startColumn();
    }
}
