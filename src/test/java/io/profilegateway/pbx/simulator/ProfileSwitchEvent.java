package io.profilegateway.pbx.simulator;

import org.asteriskjava.manager.event.UserEvent;

/**
 * A {@code UserEvent: ProfileSwitch} for asterisk-java, which maps user events by class name (a top-level class
 * named {@code <Name>Event}).
 */
public class ProfileSwitchEvent extends UserEvent {

    private static final long serialVersionUID = 1L;

    private String extension;
    private String profile;

    public ProfileSwitchEvent(Object source) {
        super(source);
    }

    public String getExtension() {
        return extension;
    }

    public void setExtension(String extension) {
        this.extension = extension;
    }

    public String getProfile() {
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile;
    }
}
