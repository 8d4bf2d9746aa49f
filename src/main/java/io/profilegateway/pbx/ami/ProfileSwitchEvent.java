package io.profilegateway.pbx.ami;

import org.asteriskjava.manager.event.UserEvent;

/**
 * The dialplan's {@code UserEvent(ProfileSwitch,Extension: 1001,Profile: 3)} (see asterisk-config/extensions.conf):
 * a feature code asks the gateway to switch a user's profile.
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
