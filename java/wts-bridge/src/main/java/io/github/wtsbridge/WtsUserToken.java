package io.github.wtsbridge;

import io.github.wtsbridge.internal.NativeHandle;
import io.github.wtsbridge.internal.NativeLibrary;
import io.github.wtsbridge.internal.Sids;
import io.github.wtsbridge.internal.TokensNative;
import java.lang.ref.Reference;
import java.util.function.LongFunction;

/**
 * The primary access token of the user logged on to a session (WTSQueryUserToken), for
 * starting a program as that user. Holds a Windows handle: close it (try-with-resources);
 * {@link #close()} is idempotent, and a use after close throws {@link IllegalStateException}.
 * A Cleaner closes a token that was dropped without closing, as a safety net only.
 *
 * <p>The handle is closed with CloseHandle exactly once, also when {@code close()} races a use
 * on another thread: the last use to finish closes it.
 */
public final class WtsUserToken implements AutoCloseable {
    private final int sessionId;
    private final NativeHandle handle;

    WtsUserToken(int sessionId, long handle) {
        this.sessionId = sessionId;
        this.handle = new NativeHandle(this, handle, TokensNative::closeHandle, "the user token");
    }

    /**
     * WTSQueryUserToken for a session of this machine ({@link WtsSession#userToken()}). Needs
     * LocalSystem with SE_TCB_NAME (a Windows service): otherwise WtsException 1314
     * (ERROR_PRIVILEGE_NOT_HELD) or 5; {@link WtsNoUserException} (1008, ERROR_NO_TOKEN) when
     * nobody is logged on there; 2 (ERROR_FILE_NOT_FOUND, as Microsoft documents it) for a
     * session that does not exist: {@link WtsException#isNoSuchSession()}.
     */
    static WtsUserToken query(int sessionId) {
        NativeLibrary.ensureLoaded();
        try {
            return new WtsUserToken(sessionId, TokensNative.queryUserToken(sessionId));
        } catch (WtsException e) {
            throw WtsNoUserException.ifNoToken(e, sessionId);
        }
    }

    /**
     * The session the token was queried for.
     *
     * @return the session id passed to WTSQueryUserToken; works after {@link #close()}
     */
    public int sessionId() {
        return sessionId;
    }

    /**
     * The session id recorded in the token (GetTokenInformation TokenSessionId).
     *
     * @return the session a process started with this token runs in; normally equal to
     *         {@link #sessionId()}
     * @throws IllegalStateException if the token is closed
     * @throws WtsException          if GetTokenInformation fails
     */
    public int tokenSessionId() {
        return withHandle(TokensNative::tokenSessionId);
    }

    /**
     * The user's SID (GetTokenInformation TokenUser).
     *
     * @return the SID in string form, e.g. {@code S-1-5-21-…-1001}
     * @throws IllegalStateException if the token is closed
     * @throws WtsException          if GetTokenInformation fails
     */
    public String userSid() {
        byte[] sid = withHandle(TokensNative::tokenUserSid);
        return Sids.format(sid, 0, sid.length);
    }

    /**
     * Whether the token can still be used.
     *
     * @return true until {@link #close()} is called, false from then on
     */
    public boolean isOpen() {
        return handle.isOpen();
    }

    /**
     * Runs {@code action} with the raw handle, which stays open until it returns even if
     * another thread closes the token meanwhile. For the library's own use (starting a process
     * in the user's session); never hand the value out.
     *
     * @throws IllegalStateException if the token is closed
     */
    <T> T withHandle(LongFunction<T> action) {
        try {
            return handle.use(action);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** Closes the handle (CloseHandle) now, or when the last use returns; later calls do nothing. */
    @Override
    public void close() {
        handle.close();
    }

    @Override
    public String toString() {
        return "WtsUserToken[session " + sessionId + (isOpen() ? "" : ", closed") + "]";
    }
}
