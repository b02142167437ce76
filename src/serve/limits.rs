//! Admission: at most so many visitors in all and per address. A ticket
//! holds a place and gives it back when dropped, however the session ends.
//! A few turned-away visitors at a time are told why (see [`Refusal`]).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

/// Turned-away connections told why at once, at most. Telling takes an
/// SSH handshake; beyond these, a connection is closed unanswered, so a
/// crowd at a full server cannot keep it busier than its visitors do.
const TOLD_AT_ONCE: usize = 4;

/// Visitors connected, in all and per address.
#[derive(Debug)]
pub struct Admission {
    max_total: usize,
    max_per_address: usize,
    counts: Mutex<(usize, HashMap<IpAddr, usize>)>,
    /// Turned-away connections being told why.
    telling: AtomicUsize,
}

/// A place among the few turned-away connections told why; given back
/// when dropped.
pub struct Refusal {
    admission: Arc<Admission>,
}

/// One admitted connection's place.
pub struct Ticket {
    admission: Arc<Admission>,
    address: IpAddr,
}

/// Why a connection was turned away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Full {
    Server,
    Address,
}

impl Admission {
    pub fn new(max_total: usize, max_per_address: usize) -> Arc<Self> {
        Arc::new(Admission {
            max_total,
            max_per_address,
            counts: Mutex::default(),
            telling: AtomicUsize::new(0),
        })
    }

    /// A place to tell a turned-away connection why, if one is free.
    pub fn refusal(self: &Arc<Self>) -> Option<Refusal> {
        self.telling
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n < TOLD_AT_ONCE).then_some(n + 1)
            })
            .ok()
            .map(|_| Refusal {
                admission: self.clone(),
            })
    }

    /// A place for a connection from `address`, if one is free.
    pub fn admit(self: &Arc<Self>, address: IpAddr) -> Result<Ticket, Full> {
        let mut counts = self.counts.lock().unwrap_or_else(PoisonError::into_inner);
        let (total, per) = &mut *counts;
        if *total >= self.max_total {
            return Err(Full::Server);
        }
        let here = per.entry(address).or_insert(0);
        if *here >= self.max_per_address {
            return Err(Full::Address);
        }
        *here += 1;
        *total += 1;
        Ok(Ticket {
            admission: self.clone(),
            address,
        })
    }
}

impl Drop for Refusal {
    fn drop(&mut self) {
        self.admission.telling.fetch_sub(1, Ordering::AcqRel);
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        let mut counts = self
            .admission
            .counts
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let (total, per) = &mut *counts;
        *total = total.saturating_sub(1);
        if let Some(here) = per.get_mut(&self.address) {
            *here = here.saturating_sub(1);
            if *here == 0 {
                per.remove(&self.address);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_limited_and_given_back() {
        let admission = Admission::new(3, 2);
        let (a, b) = ([127, 0, 0, 1].into(), [127, 0, 0, 2].into());
        let first = admission.admit(a);
        let second = admission.admit(a);
        assert_eq!(admission.admit(a).err(), Some(Full::Address));
        let third = admission.admit(b);
        assert_eq!(admission.admit(b).err(), Some(Full::Server));
        drop(first);
        assert!(admission.admit(b).is_ok());
        assert!(second.is_ok() && third.is_ok());
    }

    #[test]
    fn only_a_few_refusals_are_told_at_once() {
        let admission = Admission::new(1, 1);
        let told: Vec<Refusal> = std::iter::from_fn(|| admission.refusal()).collect();
        assert_eq!(told.len(), TOLD_AT_ONCE);
        assert!(admission.refusal().is_none());
        drop(told);
        assert!(admission.refusal().is_some());
    }
}
