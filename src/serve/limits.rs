//! Admission: at most so many visitors in all and per address. A ticket
//! holds a place and gives it back when dropped, however the session ends.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, PoisonError};

/// Visitors connected, in all and per address.
#[derive(Debug)]
pub struct Admission {
    max_total: usize,
    max_per_address: usize,
    counts: Mutex<(usize, HashMap<IpAddr, usize>)>,
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
}
