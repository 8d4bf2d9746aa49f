package io.profilegateway.directory.group;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores office hours as a JSON document in one column (they are always read and written whole). */
@Converter
public class OfficeHoursConverter implements AttributeConverter<OfficeHours, String> {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Override
    public String convertToDatabaseColumn(OfficeHours hours) {
        try {
            return JSON.writeValueAsString(hours == null ? OfficeHours.NONE : hours);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("office hours not serialisable", e);
        }
    }

    @Override
    public OfficeHours convertToEntityAttribute(String json) {
        try {
            return json == null ? OfficeHours.NONE : JSON.readValue(json, OfficeHours.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored office hours are not readable", e);
        }
    }
}
