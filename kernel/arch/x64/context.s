# x86-64 pieces of the scheduler and of paging that C# cannot express: the
# context switch, the first frame of a new thread, saving/restoring the
# interrupt flag, and TLB maintenance. Called with the SysV convention.
	.intel_syntax noprefix
	.text

	# void ks_context_switch(nuint* saveRsp, nuint nextRsp)
	# Pushes the callee-saved registers (the only ones a SysV caller expects
	# to survive the call), stores rsp in *saveRsp, loads nextRsp and pops the
	# next thread's registers, returning into wherever that thread called this
	# (or into ks_thread_trampoline on its first run). Interrupts are off on
	# both sides: the scheduler lock is held across the switch. SSE and x87
	# state need no saving here: they are caller-saved, and an interrupted
	# thread's copy is saved by arch/x64/interrupts.s.
	.global ks_context_switch
ks_context_switch:
	push rbx
	push rbp
	push r12
	push r13
	push r14
	push r15
	mov [rdi], rsp
	mov rsp, rsi
	pop r15
	pop r14
	pop r13
	pop r12
	pop rbp
	pop rbx
	ret

	# Where a new thread's first switch returns to (ContextSwitch.X64.cs puts
	# its address on the new stack): align the stack as a call expects and run
	# the scheduler's thread start, which never returns.
	.global ks_thread_trampoline
ks_thread_trampoline:
	and rsp, -16
	call ks_thread_start
	ud2

	# bool ks_disable_interrupts_saving(void): was IF (rflags bit 9) set? Then cli.
	.global ks_disable_interrupts_saving
ks_disable_interrupts_saving:
	pushfq
	pop rax
	shr eax, 9
	and eax, 1
	cli
	ret

	# void ks_invalidate_page(nuint address): drop one page's TLB entry.
	.global ks_invalidate_page
ks_invalidate_page:
	invlpg [rdi]
	ret

	# void ks_write_cr3(nuint pml4): load a page-table root (flushes the TLB).
	.global ks_write_cr3
ks_write_cr3:
	mov cr3, rdi
	ret

	# nuint ks_thread_trampoline_address(void)
	.global ks_thread_trampoline_address
ks_thread_trampoline_address:
	lea rax, [rip + ks_thread_trampoline]
	ret

	.section .note.GNU-stack, "", @progbits
