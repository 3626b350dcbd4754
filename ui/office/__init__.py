"""The office screen: check export files, merge them into the master store, save a CRM file."""
