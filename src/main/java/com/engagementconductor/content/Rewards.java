package com.engagementconductor.content;

import java.util.LinkedHashMap;
import java.util.Map;

/** Points for the first, second and third place of a challenge. */
public record Rewards(int first, int second, int third) {

    public Rewards {
        if (first < 0 || second < 0 || third < 0) {
            throw new IllegalArgumentException("rewards must not be negative: " + first + "/" + second + "/" + third);
        }
    }

    /** {@code {first, second, third}}, the shape of contracts §7.5 and §8.3. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("first", first);
        map.put("second", second);
        map.put("third", third);
        return map;
    }
}
