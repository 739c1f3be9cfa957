package dev.signpost.core.deploy;

/** The steps of a deployment, reported to {@link DeployListener#stage}. */
public enum DeployStage {
    CONNECTING,
    AUTHENTICATING,
    READING,
    UPLOADING,
    REPLACING,
    RUNNING_COMMAND,
    CHECKING,
    ROLLING_BACK,
    CLEANING_UP,
    DONE
}
