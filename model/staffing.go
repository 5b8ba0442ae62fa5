package model

// StaffAvailable is the people the office can put to its duties: its staff
// on the establishment and its auxiliary staff (编外、协管), less those
// seconded out (借调、抽调: paid here, working elsewhere), plus those
// seconded in (下沉: working here). Community workers (社区工作者) are not
// counted: they serve the residents' committees, and counting them would
// hide the very shortfall the office reports. Per-duty staff held
// (Assessment.StaffHeld) comes out of this number: the analysis, which sums
// it per office anyway, is where a sum above it is reported (not
// validation, which would refuse edits made in the wrong order).
func (o *Office) StaffAvailable() int {
	return o.OnStaff + o.Auxiliary - o.SecondedOut + o.SecondedIn
}

// SplitStaffActual divides a headcount that counted everyone (实有人员，含编外:
// what files before the staffing fields kept) into staff on the
// establishment, up to the establishment when it is known, and auxiliary
// staff, so that StaffAvailable gives the headcount back.
func SplitStaffActual(actual, establishment int) (onStaff, auxiliary int) {
	if establishment <= 0 || actual <= establishment {
		return actual, 0
	}
	return establishment, actual - establishment
}

// FundsSourced is the part of the funds held whose source is known.
func (a *Assessment) FundsSourced() float64 {
	return a.FundsDistrict + a.FundsTransferred + a.FundsSelf
}

// FundsUnsourced is the part of the funds held whose source is not given.
func (a *Assessment) FundsUnsourced() float64 { return max(0, a.FundsHeld-a.FundsSourced()) }
