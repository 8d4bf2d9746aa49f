package io.profilegateway.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** Stores a profile's trigger definitions as one JSON column (always read and written whole). */
@Converter
public class TriggerListConverter implements AttributeConverter<List<Trigger>, String> {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final TypeReference<List<Trigger>> LIST = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<Trigger> triggers) {
        try {
            return JSON.writeValueAsString(triggers == null ? List.of() : triggers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("triggers not serialisable", e);
        }
    }

    @Override
    public List<Trigger> convertToEntityAttribute(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored triggers are not readable", e);
        }
    }
}
