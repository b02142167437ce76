//! Back-pressure between a visitor's reader thread and the SSH channel:
//! one slot holding at most one frame. The thread draws only while the
//! slot is free and nothing is being sent, so a client that stops reading
//! costs one frame of memory, and the frame drawn once it reads again
//! shows the latest state (intermediate states are never drawn).

use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use russh::ChannelId;
use russh::server::Handle;
use tokio::sync::Notify;

/// How long the last bytes (farewell, exit status) may take to leave.
const END_GRACE: Duration = Duration::from_secs(2);

/// The end of a session: last bytes and the exit status `ssh` returns.
pub struct End {
    pub bytes: Vec<u8>,
    pub exit_status: u32,
}

#[derive(Default)]
struct State {
    frame: Option<Vec<u8>>,
    sending: bool,
    end: Option<End>,
}

/// A visitor's outgoing frame, shared by its thread and its writer task.
#[derive(Default)]
pub struct Slot {
    state: Mutex<State>,
    ready: Notify,
    /// Wakes a writer stuck sending to a client that stopped reading.
    abort: Notify,
}

impl Slot {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Whether a new frame may be drawn now.
    pub fn is_free(&self) -> bool {
        let state = self.lock();
        state.frame.is_none() && !state.sending && state.end.is_none()
    }

    /// Queues a frame; call only when [`Slot::is_free`].
    pub fn put(&self, frame: Vec<u8>) {
        self.lock().frame = Some(frame);
        self.ready.notify_one();
    }

    /// Ends the session after the frame in flight (or instead of it, when
    /// the client is not reading).
    /// The first end given wins.
    pub fn end(&self, end: End) {
        self.lock().end.get_or_insert(end);
        self.ready.notify_one();
        self.abort.notify_one();
    }
}

/// Sends what the slot holds to the channel until the session ends;
/// `sent` wakes the reader thread after each frame.
/// `kill` cuts the connection when the last bytes cannot leave.
pub async fn write_loop(
    slot: &Slot,
    handle: Handle,
    channel: ChannelId,
    sent: impl Fn(),
    kill: impl Fn(),
) {
    loop {
        slot.ready.notified().await;
        let frame = {
            let mut state = slot.lock();
            state.sending = state.frame.is_some();
            state.frame.take()
        };
        if let Some(frame) = frame {
            let delivered = tokio::select! {
                result = handle.data(channel, frame) => result.is_ok(),
                () = slot.abort.notified() => true,
            };
            slot.lock().sending = false;
            if !delivered {
                return;
            }
            sent();
        }
        let end = slot.lock().end.take();
        if let Some(end) = end {
            if !finish(&handle, channel, end).await {
                kill();
            }
            return;
        }
    }
}

/// Says goodbye; false when the client did not take it in time.
async fn finish(handle: &Handle, channel: ChannelId, end: End) -> bool {
    let polite = async {
        handle.data(channel, end.bytes).await.ok()?;
        handle
            .exit_status_request(channel, end.exit_status)
            .await
            .ok()?;
        handle.eof(channel).await.ok()?;
        handle.close(channel).await.ok()
    };
    tokio::time::timeout(END_GRACE, polite).await.is_ok()
}
