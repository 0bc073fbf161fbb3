package org.partynet.backup;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Values;
import org.neo4j.driver.types.IsoDuration;
import org.neo4j.driver.types.Point;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Neo4j property values as JSON and back, without losing their type: strings, booleans,
 * integers and floats are JSON's own (a float always with its point, so it reads back as
 * a float); every other type is an object of one member that names it, such as
 * {@code {"date": "2024-07-01"}} or {@code {"datetime": "2024-07-01T09:30+08:00"}}. A
 * JSON object is never a property value in Neo4j, so it is never ambiguous.
 */
final class BackupValues {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private BackupValues() {
	}

	/** The properties of a node or relationship, as the driver gives them. */
	static ObjectNode properties(Map<String, Object> properties) {
		ObjectNode object = nodes.objectNode();
		properties.forEach((name, value) -> object.set(name, value(value)));
		return object;
	}

	static JsonNode value(Object value) {
		if (value instanceof String text) {
			return nodes.stringNode(text);
		}
		if (value instanceof Boolean flag) {
			return nodes.booleanNode(flag);
		}
		if (value instanceof Long || value instanceof Integer) {
			return nodes.numberNode(((Number) value).longValue());
		}
		if (value instanceof Double number) {
			return Double.isFinite(number) ? nodes.numberNode(number)
					: typed("double", nodes.stringNode(number.toString()));
		}
		if (value instanceof List<?> list) {
			ArrayNode array = nodes.arrayNode(list.size());
			list.forEach(element -> array.add(value(element)));
			return array;
		}
		if (value instanceof IsoDuration duration) {
			ObjectNode parts = nodes.objectNode();
			parts.put("months", duration.months());
			parts.put("days", duration.days());
			parts.put("seconds", duration.seconds());
			parts.put("nanos", duration.nanoseconds());
			return typed("duration", parts);
		}
		if (value instanceof Point point) {
			ObjectNode parts = nodes.objectNode();
			parts.put("srid", point.srid());
			parts.put("x", point.x());
			parts.put("y", point.y());
			if (!Double.isNaN(point.z())) {
				parts.put("z", point.z());
			}
			return typed("point", parts);
		}
		if (value instanceof byte[] bytes) {
			return typed("bytes", nodes.stringNode(Base64.getEncoder().encodeToString(bytes)));
		}
		String type = (value instanceof LocalDate) ? "date"
				: (value instanceof ZonedDateTime || value instanceof OffsetDateTime) ? "datetime"
						: (value instanceof LocalDateTime) ? "localdatetime" : (value instanceof LocalTime)
								? "localtime" : (value instanceof OffsetTime) ? "time" : null;
		if (type == null) {
			throw new IllegalArgumentException("No backup form for a value of " + value.getClass());
		}
		// each of these prints in ISO 8601 and parses back from it
		return typed(type, nodes.stringNode(value.toString()));
	}

	/** A property value for the driver, as {@link #value} wrote it. */
	static Object read(JsonNode json) {
		if (json.isString()) {
			return json.asString();
		}
		if (json.isBoolean()) {
			return json.asBoolean();
		}
		if (json.isIntegralNumber()) {
			return json.asLong();
		}
		if (json.isNumber()) {
			return json.asDouble();
		}
		if (json.isArray()) {
			List<Object> list = new ArrayList<>(json.size());
			json.forEach(element -> list.add(read(element)));
			return list;
		}
		if (json.isObject() && json.size() == 1) {
			String type = json.propertyNames().iterator().next();
			JsonNode v = json.get(type);
			return switch (type) {
				case "double" -> Double.valueOf(v.asString());
				case "date" -> LocalDate.parse(v.asString());
				case "datetime" -> ZonedDateTime.parse(v.asString());
				case "localdatetime" -> LocalDateTime.parse(v.asString());
				case "localtime" -> LocalTime.parse(v.asString());
				case "time" -> OffsetTime.parse(v.asString());
				case "duration" ->
					Values
						.isoDuration(v.get("months").asLong(), v.get("days").asLong(), v.get("seconds").asLong(),
								v.get("nanos").asInt())
						.asIsoDuration();
				case "point" -> v.has("z")
						? Values
							.point(v.get("srid").asInt(), v.get("x").asDouble(), v.get("y").asDouble(),
									v.get("z").asDouble())
							.asPoint()
						: Values.point(v.get("srid").asInt(), v.get("x").asDouble(), v.get("y").asDouble()).asPoint();
				case "bytes" -> Base64.getDecoder().decode(v.asString());
				default -> throw new BackupFileException("未知的值类型 " + type + " / Unknown value type " + type);
			};
		}
		throw new BackupFileException("无法读取的值 / Unreadable value: " + json);
	}

	static Map<String, Object> readProperties(JsonNode object) {
		Map<String, Object> properties = new java.util.HashMap<>();
		object.properties().forEach(entry -> properties.put(entry.getKey(), read(entry.getValue())));
		return properties;
	}

	private static ObjectNode typed(String type, JsonNode value) {
		ObjectNode object = nodes.objectNode();
		object.set(type, value);
		return object;
	}

}
